package io.booker.gateway.auth.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserChangeTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");
  static final UUID VENUE_A = UUID.fromString("6f1c1a5e-0000-4000-8000-00000000000a");
  static final UUID VENUE_B = UUID.fromString("6f1c1a5e-0000-4000-8000-00000000000b");
  static final String OTHER_ADMIN = "00000000-0000-4000-8000-0000000000ff";

  static User host() {
    return new User(UUID.randomUUID(), "ada", "Ada", "$argon2id$...", Role.HOST, List.of(VENUE_A), false, 3, T0, T0);
  }

  static User admin() {
    return new User(UUID.randomUUID(), "root", "Root", "$argon2id$...", Role.ADMIN, List.of(), false, 1, T0, T0);
  }

  @Test
  void aNewDisplayNameIsNoChangeOfAccess() {
    UserChange.Applied a = UserChange.of("Ada L.", null, null, null).applyTo(host(), OTHER_ADMIN, T1);
    assertEquals("Ada L.", a.after().displayName());
    assertEquals(List.of("display_name"), a.changedFields());
    assertFalse(a.accessChanged());
    assertEquals(3, a.after().accessVersion());
    assertEquals(T1, a.after().updatedAt());
  }

  @Test
  void roleVenuesAndDisablingEachRaiseTheAccessVersionOnce() {
    User u = host();
    UserChange.Applied role = UserChange.of(null, "manager", null, null).applyTo(u, OTHER_ADMIN, T1);
    assertTrue(role.accessChanged());
    assertEquals(4, role.after().accessVersion());
    assertEquals(Role.MANAGER, role.after().role());

    UserChange.Applied venues = UserChange.of(null, null, List.of(VENUE_B.toString()), null).applyTo(u, OTHER_ADMIN, T1);
    assertEquals(List.of("venue_ids"), venues.changedFields());
    assertEquals(4, venues.after().accessVersion());

    UserChange.Applied all = UserChange.of("X", "manager", List.of(VENUE_B.toString()), true).applyTo(u, OTHER_ADMIN, T1);
    assertEquals(List.of("display_name", "role", "venue_ids", "disabled"), all.changedFields());
    assertEquals(4, all.after().accessVersion(), "one change, one version");
    assertTrue(all.disabledNow());
  }

  @Test
  void sayingWhatIsAlreadySoChangesNothing() {
    User u = host();
    UserChange.Applied a = UserChange.of("Ada", "host", List.of(VENUE_A.toString()), false).applyTo(u, OTHER_ADMIN, T1);
    assertTrue(a.changedFields().isEmpty());
    assertFalse(a.accessChanged());
    assertSame(u, a.after());
  }

  @Test
  void reEnablingIsAChangeOfAccessButEndsNoSession() {
    User disabled = UserChange.of(null, null, null, true).applyTo(host(), OTHER_ADMIN, T1).after();
    UserChange.Applied a = UserChange.of(null, null, null, false).applyTo(disabled, OTHER_ADMIN, T1);
    assertTrue(a.accessChanged());
    assertFalse(a.disabledNow());
  }

  @Test
  void aManagerOrHostKeepsAtLeastOneVenue() {
    assertInvalid("venue_ids", () -> UserChange.of(null, null, List.of(), null).applyTo(host(), OTHER_ADMIN, T1));
    assertInvalid("venue_ids", () -> UserChange.of(null, "host", null, null).applyTo(admin(), OTHER_ADMIN, T1));
    assertEquals(List.of(), UserChange.of(null, "admin", List.of(), null).applyTo(host(), OTHER_ADMIN, T1).after().venueIds());
  }

  @Test
  void anAdminCannotDemoteOrDisableThemselves() {
    User me = admin();
    String self = me.id().toString();
    assertInvalid("role", () -> UserChange.of(null, "manager", List.of(VENUE_A.toString()), null).applyTo(me, self, T1));
    assertInvalid("disabled", () -> UserChange.of(null, null, null, true).applyTo(me, self, T1));
    assertEquals("Me", UserChange.of("Me", "admin", null, false).applyTo(me, self, T1).after().displayName());
    // Another admin may.
    assertTrue(UserChange.of(null, null, null, true).applyTo(me, OTHER_ADMIN, T1).disabledNow());
  }

  @Test
  void fieldsAreValidatedWhenParsed() {
    assertInvalid("role", () -> UserChange.of(null, "root", null, null));
    assertInvalid("venue_ids", () -> UserChange.of(null, null, List.of("nope"), null));
    assertInvalid("display_name", () -> UserChange.of(" ", null, null, null));
  }
}
