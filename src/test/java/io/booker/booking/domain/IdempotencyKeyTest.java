package io.booker.booking.domain;

import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  private static final byte[] FINGERPRINT = {1, 2, 3, 4};
  private final Booking answer = booking().build();
  private final IdempotencyKey key = new IdempotencyKey("actor:admin-1", "key-1", "create", FINGERPRINT);

  @Test
  void theSameRequestGetsTheStoredAnswer() {
    assertSame(answer, key.replay(new IdempotencyKey.StoredAnswer("create", FINGERPRINT, answer)));
  }

  @Test
  void fingerprintsAreComparedByContent() {
    assertSame(answer, key.replay(new IdempotencyKey.StoredAnswer("create", new byte[] {1, 2, 3, 4}, answer)));
  }

  @Test
  void anotherRequestWithTheKeyIsRefused() {
    ServiceException e = assertThrows(ServiceException.class,
        () -> key.replay(new IdempotencyKey.StoredAnswer("create", new byte[] {1, 2, 3, 5}, answer)));
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.code());
    assertTrue(e.getMessage().contains("key-1"), e.getMessage());
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, assertThrows(ServiceException.class,
        () -> key.replay(new IdempotencyKey.StoredAnswer("create", new byte[0], answer))).code());
  }

  @Test
  void anotherOperationWithTheKeyIsRefused() {
    ServiceException e = assertThrows(ServiceException.class,
        () -> key.replay(new IdempotencyKey.StoredAnswer("confirm", FINGERPRINT, answer)));
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.code());
  }

  @Test
  void everyPartIsRequired() {
    assertThrows(NullPointerException.class, () -> new IdempotencyKey(null, "k", "create", FINGERPRINT));
    assertThrows(NullPointerException.class, () -> new IdempotencyKey("s", null, "create", FINGERPRINT));
    assertThrows(NullPointerException.class, () -> new IdempotencyKey("s", "k", null, FINGERPRINT));
    assertThrows(NullPointerException.class, () -> new IdempotencyKey("s", "k", "create", null));
  }
}
