package io.booker.platform.rpc;

import com.google.protobuf.Message;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcMessageDecoder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Turns one received gRPC message into a request, refusing what a client must not send: an encoding
 * the server does not speak (UNIMPLEMENTED), a message that inflates past the size limit
 * (RESOURCE_EXHAUSTED) and bytes that are not the request type (INVALID_ARGUMENT).
 *
 * <p>vertx-grpc 5.0.7 inflates gzip messages whole, without a limit, and throws on unknown encodings
 * instead of answering; so the binding takes the raw message and decodes it here, inflating into a
 * bounded buffer that stops one byte past the limit.
 */
final class GrpcPayloads {

  private GrpcPayloads() {
  }

  /** Whether a call's declared {@code grpc-encoding} (null when none) is one this server reads. */
  static boolean readable(String encoding) {
    return encoding == null || encoding.equals("identity") || encoding.equals("gzip");
  }

  static Message decode(GrpcMessage message, GrpcMessageDecoder<Message> decoder, int maxBytes) {
    Buffer payload = switch (message.encoding()) {
      case "identity" -> message.payload();
      case "gzip" -> gunzip(message.payload(), maxBytes);
      default -> throw new ServiceException(ErrorCode.UNIMPLEMENTED, "message encoding not supported");
    };
    try {
      Message request = decoder.decode(GrpcMessage.message("identity", message.format(), payload));
      if (request == null) {
        throw new ServiceException(ErrorCode.INVALID_ARGUMENT, "malformed request message");
      }
      return request;
    } catch (RuntimeException e) {
      if (e instanceof ServiceException se) {
        throw se;
      }
      throw new ServiceException(ErrorCode.INVALID_ARGUMENT, "malformed request message");
    }
  }

  /** Inflates at most {@code maxBytes}; one byte more is RESOURCE_EXHAUSTED, whatever the rest would be. */
  static Buffer gunzip(Buffer compressed, int maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(1024, compressed.length() * 4)));
    byte[] chunk = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.getBytes()))) {
      int read;
      while ((read = in.read(chunk, 0, (int) Math.min(chunk.length, maxBytes + 1L - out.size()))) > 0) {
        out.write(chunk, 0, read);
        if (out.size() > maxBytes) {
          throw new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE,
            "decompressed message larger than " + maxBytes + " bytes");
        }
      }
    } catch (IOException e) {
      throw new ServiceException(ErrorCode.INVALID_ARGUMENT, "message is not valid gzip");
    }
    return Buffer.buffer(out.toByteArray());
  }
}
