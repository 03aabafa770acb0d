package io.booker.platform.rpc;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Bounded gzip inflation: exactly the limit passes, one byte more is refused, corrupt input is invalid. */
class GrpcPayloadsTest {

  @Test
  void inflatesUpToTheLimitAndNotOneByteMore() throws IOException {
    assertEquals(1000, GrpcPayloads.gunzip(gzip(new byte[1000]), 1000).length());
    ServiceException tooLarge = assertThrows(ServiceException.class, () -> GrpcPayloads.gunzip(gzip(new byte[1001]), 1000));
    assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.code());
    assertEquals(ErrorCode.GrpcCode.RESOURCE_EXHAUSTED, tooLarge.code().grpcCode());
  }

  @Test
  void aBombStopsAtTheLimit() throws IOException {
    Buffer bomb = gzip(new byte[64 * 1024 * 1024]);
    ServiceException tooLarge = assertThrows(ServiceException.class, () -> GrpcPayloads.gunzip(bomb, 256 * 1024));
    assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.code());
  }

  @Test
  void corruptGzipIsInvalidArgument() {
    ServiceException bad = assertThrows(ServiceException.class, () -> GrpcPayloads.gunzip(Buffer.buffer("not gzip at all"), 1000));
    assertEquals(ErrorCode.INVALID_ARGUMENT, bad.code());
  }

  private static Buffer gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return Buffer.buffer(out.toByteArray());
  }
}
