package io.booker.common;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"0b7e4c1a-3f2d-4e5b-9a8c-1d2e3f4a5b6c", "0B7E4C1A-3F2D-4E5B-9A8C-1D2E3F4A5B6C",
      "00000000-0000-0000-0000-000000000000"})
  void acceptsCanonicalUuidsOfEitherCase(String id) {
    UUID u = Ids.uuid("id", id);
    assertEquals(id.toLowerCase(), u.toString());
    assertTrue(Ids.isCanonical(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-1-1-1-1", "0-0-0-0-0", "0b7e4c1a-3f2d-4e5b-9a8c-1d2e3f4a5b6", "{0b7e4c1a-3f2d-4e5b-9a8c-1d2e3f4a5b6c}",
      "urn:uuid:0b7e4c1a-3f2d-4e5b-9a8c-1d2e3f4a5b6c", " 0b7e4c1a-3f2d-4e5b-9a8c-1d2e3f4a5b6c",
      "0b7e4c1a3f2d4e5b9a8c1d2e3f4a5b6c", "0b7e4c1a-3f2d-4e5b-9a8c-01d2e3f4a5b6c", "000000000b7e4c1a-3f2d-4e5b-9a8c-1d2e3f4a5b6c",
      "0b7e4c1a-3f2d-4e5b-9a8c-1d2e3f4a5b6g", "0b7e4c1a-3f2d-4e5b-9a8c-1d2e3f4a5b6\u0663", "..", "%2e%2e"})
  void refusesEverythingElseThatUuidFromStringMightTake(String id) {
    var e = assertInvalid("venue_id", () -> Ids.uuid("venue_id", id));
    assertTrue(e.getMessage().contains("must be a UUID"), e.getMessage());
    assertFalse(Ids.isCanonical(id));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void requiresAnId(String id) {
    assertEquals("id: is required", assertInvalid("id", () -> Ids.uuid("id", id)).getMessage());
  }
}
