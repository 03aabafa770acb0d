package io.booker.common;

/**
 * A failure that is part of a service's contract: a code the caller can act on and a message that
 * is safe to show to the caller. Anything else that escapes a service is an internal error.
 */
public class ServiceException extends RuntimeException {

  private final ErrorCode code;

  public ServiceException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static ServiceException invalid(String field, String problem) {
    return new ServiceException(ErrorCode.INVALID_ARGUMENT, field + ": " + problem);
  }

  public static ServiceException notFound(String what, String id) {
    return new ServiceException(ErrorCode.NOT_FOUND, what + " " + id + " not found");
  }

  @Override
  public String toString() {
    return "ServiceException{" + code + ": " + getMessage() + "}";
  }
}
