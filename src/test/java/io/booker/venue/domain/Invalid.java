package io.booker.venue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import org.junit.jupiter.api.function.Executable;

/** Asserts that a call is refused as invalid input, naming the field. */
final class Invalid {

  private Invalid() {
  }

  static ServiceException assertInvalid(String field, Executable call) {
    ServiceException e = assertThrows(ServiceException.class, call);
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().startsWith(field + ": "),
        () -> "expected field " + field + " in: " + e.getMessage());
    return e;
  }
}
