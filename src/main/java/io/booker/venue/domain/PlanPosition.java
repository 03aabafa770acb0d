package io.booker.venue.domain;

import io.booker.common.ServiceException;

import java.util.Set;

/**
 * Where a table stands on its room's floor plan, a square of {@value #PLAN} × {@value #PLAN}
 * abstract units (0, 0 is the top-left corner; the floor view scales it to the screen). {@code x}
 * and {@code y} are the table's top-left corner before rotation; {@code rotation} turns it clockwise
 * about its centre. The bounds are per field, so a table may reach past the plan's edge (a view
 * clips or scales); {@code shape} only says how it is drawn ({@code round} is the ellipse in its box).
 * Invalid values are INVALID_ARGUMENT naming the field as {@code position.x} etc.
 */
public record PlanPosition(int x, int y, int width, int height, int rotation, String shape) {

  public static final int PLAN = 1000;
  public static final int SIZE_MIN = 10;
  public static final int ROTATION_MAX = 359;
  public static final Set<String> SHAPES = Set.of("round", "square", "rectangle");

  public PlanPosition {
    within("x", x, 0, PLAN);
    within("y", y, 0, PLAN);
    within("width", width, SIZE_MIN, PLAN);
    within("height", height, SIZE_MIN, PLAN);
    within("rotation", rotation, 0, ROTATION_MAX);
    // Exact names, as the OpenAPI enum has them: no case folding or trimming a client could rely on.
    if (shape == null || !SHAPES.contains(shape)) {
      throw ServiceException.invalid("position.shape", "must be one of round, square, rectangle");
    }
  }

  private static void within(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw ServiceException.invalid("position." + field, "must be between " + min + " and " + max);
    }
  }
}
