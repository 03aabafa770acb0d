package io.booker.booking;

import io.booker.booking.domain.BookingSlot;
import static io.booker.booking.domain.TestBookings.ROOM;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.TABLE_B;
import static io.booker.booking.domain.TestBookings.VENUE;
import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.booker.booking.domain.BookingFilter;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.Guest;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.Move;
import io.booker.booking.domain.NewBooking;
import io.booker.booking.domain.TableRequest;
import io.booker.booking.domain.TestBookings;
import io.booker.proto.booking.CancelBookingRequest;
import io.booker.proto.booking.ConfirmBookingRequest;
import io.booker.proto.booking.CreateBookingRequest;
import io.booker.proto.booking.ListBookingsRequest;
import io.booker.proto.booking.RescheduleBookingRequest;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BookingRequestsTest {

  private static final String OTHER_VENUE = "10000000-0000-4000-8000-000000000099";

  private static TableRef.Builder ref(UUID tableId) {
    return TableRef.newBuilder().setTableId(tableId.toString());
  }

  private static Slot.Builder slot() {
    return Slot.newBuilder().setDate("2025-06-03").setStartTime("19:00").setDurationMinutes(90);
  }

  private static CreateBookingRequest.Builder create() {
    return CreateBookingRequest.newBuilder()
        .setVenueId(VENUE.toString())
        .setTable(ref(TABLE_A))
        .setSlot(slot())
        .setPartySize(4)
        .setCustomerName("  Ada Lovelace ")
        .setCustomerPhone("+44 20 7946 0000")
        .setCustomerEmail("ada@example.com")
        .setComment("window seat")
        .setAdminId("admin-1")
        .setIdempotencyKey("key-1");
  }

  @Nested
  class NewBookings {

    @Test
    void aValidRequestBecomesANewBooking() {
      NewBooking b = BookingRequests.newBooking(create().build());
      assertEquals(new NewBooking(VENUE, new TableRequest(TABLE_A, null), null, TestBookings.slot("2025-06-03", "19:00", 90), 4,
          new Guest("Ada Lovelace", "+44 20 7946 0000", "ada@example.com"), "window seat", ""), b,
          "no author yet: the use case makes the caller the author");
    }

    @Test
    void aCombinationIsBookedWithoutATableAndNeverWithOne() {
      String combination = "40000000-0000-4000-8000-000000000001";
      NewBooking b = BookingRequests.newBooking(create().clearTable().setCombinationId(combination).build());
      assertEquals(java.util.UUID.fromString(combination), b.combinationId());
      assertNull(b.table());
      assertInvalid("combination_id", () -> BookingRequests.newBooking(create().setCombinationId(combination).build()));
      assertInvalid("combination_id", () -> BookingRequests.newBooking(create().clearTable().setCombinationId("c1").build()));
      assertInvalid("combination_id", () -> BookingRequests.newBooking(create().clearTable().setCombinationId(combination)
          .setMergedWithTable(ref(TABLE_B)).build()));
    }

    @Test
    void roomsAndTheMergedTableAreTaken() {
      NewBooking b = BookingRequests.newBooking(create()
          .setTable(ref(TABLE_A).setRoomId(ROOM.toString()).setVenueId(VENUE.toString()))
          .setMergedWithTable(ref(TABLE_B).setRoomId(ROOM.toString()))
          .build());
      assertEquals(new TableRequest(TABLE_A, ROOM), b.table());
      assertEquals(new TableRequest(TABLE_B, ROOM), b.mergedWith());
    }

    @Test
    void aZeroDurationLeavesTheLengthToTheVenue() {
      // The venue's turn time for the party, else 120 minutes: decided when the venue places the booking.
      assertEquals(BookingSlot.VENUE_DECIDES,
        BookingRequests.newBooking(create().setSlot(slot().setDurationMinutes(0)).build()).slot().durationMinutes());
    }

    @Test
    void overridePacingIsCarried() {
      assertTrue(BookingRequests.newBooking(create().setOverridePacing(true).build()).overridePacing());
      assertFalse(BookingRequests.newBooking(create().build()).overridePacing());
    }

    @Test
    void theVenueIsRequired() {
      assertInvalid("venue_id", () -> BookingRequests.newBooking(create().clearVenueId().build()));
      assertInvalid("venue_id", () -> BookingRequests.newBooking(create().setVenueId("venue-1").build()));
    }

    @Test
    void theTableIsRequired() {
      assertInvalid("table", () -> BookingRequests.newBooking(create().clearTable().build()));
      assertInvalid("table.table_id", () -> BookingRequests.newBooking(create().setTable(TableRef.newBuilder()).build()));
    }

    @Test
    void tableIdsAndRoomIdsAreUuids() {
      assertInvalid("table.table_id", () -> BookingRequests.newBooking(create().setTable(TableRef.newBuilder().setTableId("t1")).build()));
      assertInvalid("table.room_id", () -> BookingRequests.newBooking(create().setTable(ref(TABLE_A).setRoomId("room")).build()));
      assertInvalid("merged_with_table.table_id", () -> BookingRequests.newBooking(
          create().setMergedWithTable(TableRef.newBuilder().setTableId("t2")).build()));
      assertInvalid("merged_with_table.room_id", () -> BookingRequests.newBooking(
          create().setMergedWithTable(ref(TABLE_B).setRoomId("terrace")).build()));
    }

    @Test
    void aTablesVenueIsTheBookingsVenue() {
      assertInvalid("table.venue_id", () -> BookingRequests.newBooking(create().setTable(ref(TABLE_A).setVenueId(OTHER_VENUE)).build()));
      assertInvalid("table.venue_id", () -> BookingRequests.newBooking(create().setTable(ref(TABLE_A).setVenueId("v1")).build()));
      assertInvalid("merged_with_table.venue_id", () -> BookingRequests.newBooking(
          create().setMergedWithTable(ref(TABLE_B).setVenueId(OTHER_VENUE)).build()));
    }

    @Test
    void theSlotIsRequiredAndStrict() {
      assertInvalid("slot", () -> BookingRequests.newBooking(create().clearSlot().build()));
      assertInvalid("slot.date", () -> BookingRequests.newBooking(create().setSlot(slot().clearDate()).build()));
      assertInvalid("slot.date", () -> BookingRequests.newBooking(create().setSlot(slot().setDate("2025-6-3")).build()));
      assertInvalid("slot.date", () -> BookingRequests.newBooking(create().setSlot(slot().setDate("2025-02-30")).build()));
      assertInvalid("slot.start_time", () -> BookingRequests.newBooking(create().setSlot(slot().setStartTime("9:00")).build()));
      assertInvalid("slot.start_time", () -> BookingRequests.newBooking(create().setSlot(slot().setStartTime("24:00")).build()));
      assertInvalid("slot.duration_minutes", () -> BookingRequests.newBooking(create().setSlot(slot().setDurationMinutes(7)).build()));
      assertInvalid("slot.duration_minutes", () -> BookingRequests.newBooking(create().setSlot(slot().setDurationMinutes(725)).build()));
    }

    @Test
    void theOtherFieldsFollowTheirRules() {
      assertInvalid("party_size", () -> BookingRequests.newBooking(create().setPartySize(0).build()));
      assertInvalid("party_size", () -> BookingRequests.newBooking(create().setPartySize(101).build()));
      assertInvalid("customer_name", () -> BookingRequests.newBooking(create().setCustomerName(" ").build()));
      assertInvalid("customer_phone", () -> BookingRequests.newBooking(create().setCustomerPhone("call me").build()));
      assertInvalid("customer_email", () -> BookingRequests.newBooking(create().setCustomerEmail("ada@").build()));
      assertInvalid("comment", () -> BookingRequests.newBooking(create().setComment("x".repeat(1001)).build()));
    }

    @Test
    void theAdminIdOfTheRequestIsIgnored() {
      assertEquals("", BookingRequests.newBooking(create().setAdminId("someone-else").build()).adminId());
      assertEquals("", BookingRequests.newBooking(create().setAdminId("a\u0000").build()).adminId(), "not even validated");
    }
  }

  @Nested
  class Moves {

    @Test
    void aNewSlotAlone() {
      Move m = BookingRequests.move(RescheduleBookingRequest.newBuilder().setId("x").setSlot(slot()).build());
      assertEquals(new Move(TestBookings.slot("2025-06-03", "19:00", 90), null, null), m);
    }

    @Test
    void newTablesAlone() {
      Move m = BookingRequests.move(RescheduleBookingRequest.newBuilder()
          .setTable(ref(TABLE_A).setVenueId(OTHER_VENUE)).setMergedWithTable(ref(TABLE_B).setRoomId(ROOM.toString())).build());
      assertEquals(new Move(null, new TableRequest(TABLE_A, null), new TableRequest(TABLE_B, ROOM)), m,
          "the venue of a table is the venue service's to check");
    }

    @Test
    void aMoveNeedsSomethingToMoveTo() {
      assertInvalid("slot", () -> BookingRequests.move(RescheduleBookingRequest.newBuilder().setId("x").build()));
      assertInvalid("table", () -> BookingRequests.move(RescheduleBookingRequest.newBuilder().setSlot(slot())
          .setMergedWithTable(ref(TABLE_B)).build()));
    }

    @Test
    void itsFieldsAreCheckedByName() {
      assertInvalid("table.table_id", () -> BookingRequests.move(RescheduleBookingRequest.newBuilder()
          .setTable(TableRef.newBuilder().setTableId("t1")).build()));
      assertInvalid("merged_with_table.room_id", () -> BookingRequests.move(RescheduleBookingRequest.newBuilder()
          .setTable(ref(TABLE_A)).setMergedWithTable(ref(TABLE_B).setRoomId("r")).build()));
      assertInvalid("table.venue_id", () -> BookingRequests.move(RescheduleBookingRequest.newBuilder()
          .setTable(ref(TABLE_A).setVenueId("v")).build()));
      assertInvalid("slot.start_time", () -> BookingRequests.move(RescheduleBookingRequest.newBuilder()
          .setSlot(slot().setStartTime("19:60")).build()));
    }
  }

  @Nested
  class Filters {

    private ListBookingsRequest.Builder list() {
      return ListBookingsRequest.newBuilder().setVenueId(VENUE.toString());
    }

    @Test
    void nothingButTheVenueShowsEverything() {
      assertEquals(new BookingFilter(VENUE, null, Set.of(), null), BookingRequests.filter(list().build()));
      assertInvalid("venue_id", () -> BookingRequests.filter(list().clearVenueId().build()));
    }

    @Test
    void statusesAreCommaSeparatedAndMayAlsoBeListed() {
      BookingFilter filter = BookingRequests.filter(list().setStatus("held, confirmed,,no_show ").addStatuses("seated").build());
      assertEquals(EnumSet.of(BookingStatus.HELD, BookingStatus.CONFIRMED, BookingStatus.NO_SHOW, BookingStatus.SEATED),
          filter.statuses());
      assertEquals(Set.of(BookingStatus.CANCELLED), BookingRequests.filter(list().setStatus("cancelled").build()).statuses());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gone", "HELD", "held,gone", "held;confirmed", "no-show"})
    void anUnknownStatusNamesTheStatusField(String status) {
      assertInvalid("status", () -> BookingRequests.filter(list().setStatus(status).build()));
    }

    @Test
    void anUnknownListedStatusNamesTheStatusesField() {
      assertInvalid("statuses", () -> BookingRequests.filter(list().addStatuses("held").addStatuses("gone").build()));
    }

    @Test
    void dateAndTable() {
      BookingFilter filter = BookingRequests.filter(list().setDate("2025-06-03").setTableId(TABLE_A.toString()).build());
      assertEquals(LocalDate.of(2025, 6, 3), filter.date());
      assertEquals(TABLE_A, filter.tableId());
      assertInvalid("date", () -> BookingRequests.filter(list().setDate("03.06.2025").build()));
      assertInvalid("table_id", () -> BookingRequests.filter(list().setTableId("t1").build()));
    }
  }

  @Nested
  class IdempotencyKeys {

    /** The fingerprint as the service computes it, with some key. */
    private byte[] fingerprint(Message request) {
      FieldDescriptor keyField = request.getDescriptorForType().findFieldByName("idempotency_key");
      Message keyed = request.getField(keyField).equals("") ? request.toBuilder().setField(keyField, "key-1").build() : request;
      return BookingRequests.key("op", Fakes.HOST, keyed).fingerprint();
    }

    @Test
    void noKeyNoIdempotency() {
      assertNull(BookingRequests.key("create", Fakes.HOST, create().clearIdempotencyKey().build()));
    }

    @Test
    void theKeyIsScopedToTheAuthenticatedUserAndNamesItsOperation() {
      IdempotencyKey key = BookingRequests.key("create", Fakes.HOST, create().build());
      assertEquals("user:host-2", key.scope());
      assertEquals("key-1", key.key());
      assertEquals("create", key.operation());
      assertEquals(32, key.fingerprint().length, "SHA-256");
      assertEquals("user:admin-1", BookingRequests.key("create", Fakes.ADMIN, create().build()).scope(),
          "another user, another scope: the same key never meets");
    }

    @Test
    void aMalformedKeyIsRefused() {
      assertInvalid("idempotency_key", () -> BookingRequests.key("create", Fakes.HOST, create().setIdempotencyKey("two words").build()));
    }

    @Test
    void theFingerprintIgnoresTheIgnoredAdminId() {
      assertArrayEquals(fingerprint(create().setAdminId("admin-1").build()), fingerprint(create().setAdminId("someone-else").build()));
      assertArrayEquals(fingerprint(create().setAdminId("admin-1").build()), fingerprint(create().clearAdminId().build()));
    }

    @Test
    void theFingerprintIgnoresTheKeyItself() {
      assertArrayEquals(fingerprint(create().setIdempotencyKey("key-1").build()),
          fingerprint(create().setIdempotencyKey("another-key").build()));
    }

    @Test
    void theServiceFingerprintsRequestsWithoutTheirKey() {
      Fakes f = new Fakes();
      BookingServiceImpl service = new BookingServiceImpl(f.deps, () -> Fakes.HOST);

      Fakes.succeeded(service.createBooking(create().setIdempotencyKey("key-1").build()));
      f.store.bookings.clear(); // free table A1 again for the same request under another key
      f.holds.redis.clear();
      Fakes.succeeded(service.createBooking(create().setIdempotencyKey("key-2").build()));
      f.store.bookings.clear();
      f.holds.redis.clear();
      Fakes.succeeded(service.createBooking(create().setIdempotencyKey("key-3").setPartySize(5).build()));

      IdempotencyKey first = f.store.inserts.get(0).key();
      IdempotencyKey second = f.store.inserts.get(1).key();
      assertEquals("key-1", first.key());
      assertEquals("key-2", second.key());
      assertEquals("create", first.operation());
      assertEquals("user:host-2", first.scope());
      assertArrayEquals(first.fingerprint(), second.fingerprint());
      assertFalse(java.util.Arrays.equals(first.fingerprint(), f.store.inserts.get(2).key().fingerprint()));
    }

    @Test
    void theFingerprintIsTheSameForTheSameRequest() {
      assertArrayEquals(fingerprint(create().build()), fingerprint(create().build()));
    }

    static Stream<Message> requests() {
      return Stream.of(
          create().setMergedWithTable(ref(TABLE_B).setRoomId(ROOM.toString())).build(),
          ConfirmBookingRequest.newBuilder().setId(UUID.randomUUID().toString()).setAdminId("admin-1").setIdempotencyKey("k").build(),
          CancelBookingRequest.newBuilder().setId(UUID.randomUUID().toString()).setAdminId("admin-1").setReason("r")
              .setIdempotencyKey("k").build(),
          RescheduleBookingRequest.newBuilder().setId(UUID.randomUUID().toString()).setSlot(slot()).setTable(ref(TABLE_A))
              .setMergedWithTable(ref(TABLE_B)).setAdminId("admin-1").setIdempotencyKey("k").build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theFingerprintChangesWithEveryOtherField(Message request) {
      byte[] base = fingerprint(request);
      int checked = 0;
      for (FieldDescriptor field : request.getDescriptorForType().getFields()) {
        if (field.getName().equals("idempotency_key") || field.getName().equals("admin_id")) {
          continue;
        }
        Message changed = change(request, field);
        assertFalse(java.util.Arrays.equals(base, fingerprint(changed)), () -> "same fingerprint with another " + field.getName());
        checked++;
      }
      assertEquals(request.getDescriptorForType().getFields().size() - 2, checked);
    }

    /** The request with another value in {@code field}. */
    private Message change(Message request, FieldDescriptor field) {
      Message.Builder b = request.toBuilder();
      switch (field.getJavaType()) {
        case STRING -> b.setField(field, request.getField(field) + "x");
        case INT -> b.setField(field, (Integer) request.getField(field) + 1);
        case BOOLEAN -> b.setField(field, !(Boolean) request.getField(field));
        case MESSAGE -> {
          Message inner = (Message) request.getField(field);
          if (!request.hasField(field)) {
            b.setField(field, inner);
          } else {
            FieldDescriptor first = inner.getDescriptorForType().getFields().get(0);
            b.setField(field, change(inner, first));
          }
        }
        default -> throw new AssertionError("no change for " + field);
      }
      assertTrue(!b.build().equals(request), () -> "unchanged: " + field.getName());
      return b.build();
    }
  }
}
