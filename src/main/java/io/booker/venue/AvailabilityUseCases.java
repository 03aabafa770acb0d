package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.venue.*;
import io.vertx.core.Future;

/** Which tables can seat a party at a slot. */
final class AvailabilityUseCases {

  private final VenueDeps deps;

  AvailabilityUseCases(VenueDeps deps) {
    this.deps = deps;
  }

  Future<CheckAvailabilityResponse> checkAvailability(CheckAvailabilityRequest r) {
    return Future.failedFuture(new ServiceException(ErrorCode.UNIMPLEMENTED, "not implemented yet"));
  }
}
