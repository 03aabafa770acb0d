package io.booker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that a call is refused as invalid input, naming the field. */
public final class Invalid {

  private Invalid() {
  }

  public static ServiceException assertInvalid(String field, Executable call) {
    ServiceException e = assertThrows(ServiceException.class, call);
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().startsWith(field + ": "),
        () -> "expected field " + field + " in: " + e.getMessage());
    return e;
  }
}
