package io.booker.gateway.auth.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.booker.common.access.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewUserTest {

  static final String V1 = "6f1c1a5e-0000-4000-8000-000000000001";
  static final String V2 = "6f1c1a5e-0000-4000-8000-000000000002";

  @Test
  void aValidRequestIsNormalized() {
    NewUser u = NewUser.of(" Ada ", "  Ada Lovelace ", "a long enough password", "host", List.of(V2, V1, V2));
    assertEquals("ada", u.login());
    assertEquals("Ada Lovelace", u.displayName());
    assertEquals(Role.HOST, u.role());
    assertEquals(List.of(UUID.fromString(V1), UUID.fromString(V2)), u.venueIds(), "sorted, without duplicates");
  }

  @Test
  void theDisplayNameDefaultsToTheLogin() {
    assertEquals("ada", NewUser.of("ada", null, "a long enough password", "admin", List.of()).displayName());
  }

  @Test
  void eachFieldIsCheckedAndNamed() {
    assertInvalid("login", () -> NewUser.of("a", null, "a long enough password", "admin", List.of()));
    assertInvalid("display_name", () -> NewUser.of("ada", "  ", "a long enough password", "admin", List.of()));
    assertInvalid("display_name", () -> NewUser.of("ada", "x".repeat(101), "a long enough password", "admin", List.of()));
    assertInvalid("display_name", () -> NewUser.of("ada", "Ada\nLovelace", "a long enough password", "admin", List.of()));
    assertInvalid("password", () -> NewUser.of("ada", null, "short", "admin", List.of()));
    assertInvalid("password", () -> NewUser.of("ada.lovelace", null, "Ada.Lovelace", "admin", List.of()));
    assertInvalid("role", () -> NewUser.of("ada", null, "a long enough password", "owner", List.of()));
    assertInvalid("role", () -> NewUser.of("ada", null, "a long enough password", null, List.of()));
    assertInvalid("venue_ids", () -> NewUser.of("ada", null, "a long enough password", "manager", List.of("venue-1")));
  }

  @Test
  void managersAndHostsNeedAVenueAdminsDoNot() {
    assertInvalid("venue_ids", () -> NewUser.of("ada", null, "a long enough password", "manager", List.of()));
    assertInvalid("venue_ids", () -> NewUser.of("ada", null, "a long enough password", "host", List.of()));
    assertEquals(Role.ADMIN, NewUser.of("ada", null, "a long enough password", "admin", List.of()).role());
  }

  @Test
  void theFirstAdminFollowsTheSameRules() {
    assertEquals(Role.ADMIN, NewUser.firstAdmin("root", null, "a long enough password").role());
    assertInvalid("password", () -> NewUser.firstAdmin("root", null, "short"));
  }

  @Test
  void printingARequestNeverShowsThePassword() {
    NewUser u = NewUser.of("ada", null, "a long enough password", "admin", List.of());
    assertFalse(u.toString().contains("a long enough password"), u.toString());
  }
}
