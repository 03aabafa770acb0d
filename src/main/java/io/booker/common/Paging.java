package io.booker.common;

/**
 * List pagination: {@code limit} 1..{@value #MAX_LIMIT} (0, the proto default, means
 * {@value #DEFAULT_LIMIT}), {@code offset} 0..{@value #MAX_OFFSET}. Anything else is INVALID_ARGUMENT.
 */
public record Paging(int limit, int offset) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  public static final int MAX_OFFSET = 1_000_000;

  public static Paging of(int limit, int offset) {
    if (limit < 0 || limit > MAX_LIMIT) {
      throw ServiceException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw ServiceException.invalid("offset", "must be between 0 and " + MAX_OFFSET);
    }
    return new Paging(limit == 0 ? DEFAULT_LIMIT : limit, offset);
  }
}
