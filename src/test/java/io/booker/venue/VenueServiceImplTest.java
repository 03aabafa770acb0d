package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.proto.venue.*;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

/** The facade: each call runs its use case for the call's caller, and answers every failure as a failed future. */
class VenueServiceImplTest {

  private final Fakes f = new Fakes();
  private final VenueServiceImpl service = new VenueServiceImpl(f.deps, () -> MANAGER_A);

  @Test
  void aCallWithoutAnAuthenticatedCallerIsUnauthenticated() {
    VenueServiceImpl outsideACall = new VenueServiceImpl(f.deps);
    failed(ErrorCode.UNAUTHENTICATED, outsideACall.getVenue(GetVenueRequest.newBuilder().setId(A).build()));
    assertEquals(List.of(), f.reached());
  }

  @Test
  void runsEachUseCaseForTheCaller() {
    assertEquals("Chez A", succeeded(service.getVenue(GetVenueRequest.newBuilder().setId(A).build())).getName());
    assertEquals(A, succeeded(service.createRoom(CreateRoomRequest.newBuilder().setVenueId(A).setName("Hall").build())).getVenueId());
    assertEquals(2, succeeded(service.listTables(ListTablesRequest.newBuilder().setRoomId(ROOM).build())).getTotal());
    assertEquals(2, succeeded(service.getTableLayout(GetTableLayoutRequest.newBuilder().setRoomId(ROOM).build())).getTablesCount());
    succeeded(service.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(A).setDate(DATE).setIsClosed(true).build()));
    assertEvent(VenueEvents.SCHEDULE_UPDATED, A, MANAGER_A, f.outbox().get(0));
    failed(ErrorCode.PERMISSION_DENIED, service.deleteVenue(DeleteVenueRequest.newBuilder().setId(A).build()));
  }

  @Test
  void whatAUseCaseThrowsBecomesAFailedFuture() {
    Future<CheckAvailabilityResponse> f1 = service.checkAvailability(CheckAvailabilityRequest.newBuilder().setVenueId(A).build());
    failed(ErrorCode.INVALID_ARGUMENT, f1);
    failed(ErrorCode.INVALID_ARGUMENT, service.setOpeningHours(SetOpeningHoursRequest.newBuilder().setVenueId("x").build()));
    failed(ErrorCode.NOT_FOUND, service.listSpecialHours(ListSpecialHoursRequest.newBuilder().setVenueId(B).build()));
  }
}
