package io.booker.venue.domain;

/**
 * Where a table stands on its room's floor plan, as carried by a request or a stored table. A
 * request's values are checked by {@link PlanPosition} (which names the invalid field); a stored
 * position has passed that check.
 */
public record TablePosition(int x, int y, int width, int height, int rotation, String shape) {

  public TablePosition {
    shape = Venue.orEmpty(shape);
  }

  /** This position if it is a valid place on the plan; INVALID_ARGUMENT naming the field otherwise. */
  public TablePosition checked() {
    new PlanPosition(x, y, width, height, rotation, shape);
    return this;
  }
}
