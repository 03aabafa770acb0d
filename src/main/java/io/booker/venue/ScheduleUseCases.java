package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.venue.*;
import io.vertx.core.Future;

/** Opening hours per weekday and special hours per date. */
final class ScheduleUseCases {

  private final VenueDeps deps;

  ScheduleUseCases(VenueDeps deps) {
    this.deps = deps;
  }

  private static <T> Future<T> notYet() {
    return Future.failedFuture(new ServiceException(ErrorCode.UNIMPLEMENTED, "not implemented yet"));
  }

  Future<SetOpeningHoursResponse> setOpeningHours(SetOpeningHoursRequest r) { return notYet(); }
  Future<OpeningHours> getOpeningHours(GetOpeningHoursRequest r) { return notYet(); }
  Future<SetSpecialHoursResponse> setSpecialHours(SetSpecialHoursRequest r) { return notYet(); }
  Future<ListSpecialHoursResponse> listSpecialHours(ListSpecialHoursRequest r) { return notYet(); }
  Future<DeleteSpecialHoursResponse> deleteSpecialHours(DeleteSpecialHoursRequest r) { return notYet(); }
}
