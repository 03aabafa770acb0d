package io.booker.venue.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.*;

class PlanPositionTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0, 10, 10, 0, round",
    "1000, 1000, 1000, 1000, 359, rectangle",
    "120, 340, 80, 80, 45, square",
    "990, 0, 200, 10, 90, rectangle", // may reach past the plan's edge: bounds are per field
  })
  void valuesWithinTheirBoundsAreAPosition(int x, int y, int width, int height, int rotation, String shape) {
    PlanPosition p = new PlanPosition(x, y, width, height, rotation, shape);
    assertEquals(x, p.x());
    assertEquals(shape, p.shape());
  }

  @ParameterizedTest
  @CsvSource({
    "position.x, -1, 0, 10, 10, 0",
    "position.x, 1001, 0, 10, 10, 0",
    "position.y, 0, -1, 10, 10, 0",
    "position.y, 0, 1001, 10, 10, 0",
    "position.width, 0, 0, 9, 10, 0",
    "position.width, 0, 0, 1001, 10, 0",
    "position.height, 0, 0, 10, 0, 0",
    "position.height, 0, 0, 10, 1001, 0",
    "position.rotation, 0, 0, 10, 10, -1",
    "position.rotation, 0, 0, 10, 10, 360",
  })
  void aNumberOutOfItsBoundsIsRefusedNamingTheField(String field, int x, int y, int width, int height, int rotation) {
    assertInvalid(field, () -> new PlanPosition(x, y, width, height, rotation, "round"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Round", "ROUND", " round", "oval", "circle", "rect"})
  void shapeIsOneOfThreeExactNames(String shape) {
    assertInvalid("position.shape", () -> new PlanPosition(0, 0, 10, 10, 0, shape));
  }

  @Test
  void shapeIsRequired() {
    assertInvalid("position.shape", () -> new PlanPosition(0, 0, 10, 10, 0, null));
  }

  @Test
  void theFirstBadFieldInContractOrderIsNamed() {
    assertInvalid("position.x", () -> new PlanPosition(-5, -5, 0, 0, 400, "blob"));
  }
}
