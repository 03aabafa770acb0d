package io.booker.it.gateway;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.booker.it.support.NodeHarness;
import io.booker.proto.venue.ListVenuesRequest;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The gRPC server of a running node against what a hostile or broken client sends on the wire: raw
 * HTTP/2 requests (Vert.x HttpClient, prior knowledge) with hand-made gRPC frames. Every malformed
 * call gets a {@code grpc-status} at once and the service keeps answering a well-formed call after
 * it; idle connections and streams that never finish their message are closed in the configured time.
 */
class GrpcEdgeTest {

  private static final int IDLE_TIMEOUT_S = 2;
  private static final long MESSAGE_TIMEOUT_MS = 1000;

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc", new JsonObject()
    .put("venue", new JsonObject().put("grpc_idle_timeout_s", IDLE_TIMEOUT_S).put("grpc_message_timeout_ms", MESSAGE_TIMEOUT_MS)));

  private static final String LIST_VENUES = "/venue.VenueService/ListVenues";
  private static final int OK = 0, INVALID_ARGUMENT = 3, DEADLINE_EXCEEDED = 4, RESOURCE_EXHAUSTED = 8, UNIMPLEMENTED = 12,
    INTERNAL = 13;

  private static HttpClient http;

  /** The status part of an answer: HTTP status and the grpc-status from the headers (trailers-only) or the trailers. */
  record Answer(int httpStatus, Integer grpcStatus, String grpcMessage, MultiMap headers) {
  }

  @BeforeAll
  static void client() {
    http = harness.vertx().createHttpClient(new HttpClientOptions()
      .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false)
      .setDefaultHost("127.0.0.1").setDefaultPort(harness.venueGrpcPort()));
  }

  @AfterAll
  static void closeClient() throws Exception {
    http.close().await();
  }

  @Test
  void wellFormedCallsAnswerOkAlsoGzippedAndLarge() throws Exception {
    assertEquals(OK, call(MultiMap.caseInsensitiveMultiMap(), frame(0, listVenues())).grpcStatus());
    Answer gzipped = call(headers("grpc-encoding", "gzip"), frame(1, gzip(listVenues())));
    assertEquals(OK, gzipped.grpcStatus(), gzipped.toString());
    // A message of 200 KB (an unknown field) spans many DATA frames; so do three of them, compressed.
    byte[] large = ListVenuesRequest.newBuilder().setLimit(5).setUnknownFields(UnknownFieldSet.newBuilder()
      .addField(15, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFrom(new byte[200_000])).build())
      .build()).build().toByteArray();
    Answer big = call(headers("x-booker-frame-error", "unknown_compression_flag"), frame(0, large));
    assertEquals(OK, big.grpcStatus(), big.toString());
    Answer bigGzipped = call(headers("grpc-encoding", "gzip"), frame(1, gzip(large)));
    assertEquals(OK, bigGzipped.grpcStatus(), bigGzipped.toString());
  }

  @Test
  void gzipThatInflatesPastTheLimitIsResourceExhausted() throws Exception {
    // 30 MB of zeros compress to ~30 KB, far below the 256 KB raw limit.
    byte[] bomb = gzip(new byte[30 * 1024 * 1024]);
    assertTrue(bomb.length < 256 * 1024);
    assertRefused(RESOURCE_EXHAUSTED, headers("grpc-encoding", "gzip"), frame(1, bomb));
  }

  @Test
  void lengthPrefixPastTheLimitIsResourceExhausted() throws Exception {
    Buffer hugePrefix = Buffer.buffer().appendByte((byte) 0).appendInt(0x7fffffff).appendBytes(new byte[64]);
    assertRefused(RESOURCE_EXHAUSTED, MultiMap.caseInsensitiveMultiMap(), hugePrefix);
  }

  @Test
  void truncatedFramesAndEmptyBodiesAreInvalidArgument() throws Exception {
    Buffer truncatedPayload = Buffer.buffer().appendByte((byte) 0).appendInt(100).appendBytes(new byte[10]);
    assertRefused(INVALID_ARGUMENT, MultiMap.caseInsensitiveMultiMap(), truncatedPayload);
    assertRefused(INVALID_ARGUMENT, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(new byte[]{0, 0, 0}));
    assertRefused(INVALID_ARGUMENT, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer());
  }

  @Test
  void bytesThatAreNotTheRequestAreInvalidArgument() throws Exception {
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    assertRefused(INVALID_ARGUMENT, MultiMap.caseInsensitiveMultiMap(), frame(0, garbage));
    assertRefused(INVALID_ARGUMENT, headers("grpc-encoding", "gzip"), frame(1, garbage));
  }

  @Test
  void aSecondMessageOnAUnaryCallIsInvalidArgument() throws Exception {
    assertRefused(INVALID_ARGUMENT, MultiMap.caseInsensitiveMultiMap(), frame(0, listVenues()).appendBuffer(frame(0, listVenues())));
  }

  @Test
  void unknownEncodingIsUnimplementedWithTheAcceptedOnes() throws Exception {
    Answer answer = assertRefused(UNIMPLEMENTED, headers("grpc-encoding", "br"), frame(1, listVenues()));
    assertTrue(String.valueOf(answer.headers().get("grpc-accept-encoding")).contains("gzip"), answer.headers().toString());
  }

  @Test
  void compressedFrameWithoutDeclaredEncodingIsInternal() throws Exception {
    assertRefused(INTERNAL, MultiMap.caseInsensitiveMultiMap(), frame(1, gzip(listVenues())));
    assertRefused(INTERNAL, headers("grpc-encoding", "identity"), frame(1, gzip(listVenues())));
  }

  @Test
  void unknownCompressionFlagIsUnimplemented() throws Exception {
    assertRefused(UNIMPLEMENTED, MultiMap.caseInsensitiveMultiMap(), frame(2, listVenues()));
    // Also behind a well-formed first frame, and with an encoding declared.
    assertRefused(UNIMPLEMENTED, headers("grpc-encoding", "gzip"), frame(0, listVenues()).appendBuffer(frame(7, listVenues())));
  }

  @Test
  void aCallPastItsOwnDeadlineIsDeadlineExceeded() throws Exception {
    // The headers set a 1 ms deadline; the message follows 200 ms later, so the deadline has
    // certainly passed whatever the machine's load (sending both at once raced the call).
    HttpClientRequest request = http.request(HttpMethod.POST, LIST_VENUES).await(5, TimeUnit.SECONDS);
    grpcHeaders(request, "application/grpc");
    request.putHeader("grpc-timeout", "1m").setChunked(true);
    request.exceptionHandler(err -> { });
    Future<Answer> answered = request.response().compose(GrpcEdgeTest::answerOf);
    request.sendHead().await(5, TimeUnit.SECONDS);
    harness.vertx().setTimer(200, id -> request.end(frame(0, listVenues())));
    Answer answer = answered.await(5, TimeUnit.SECONDS);
    assertEquals(DEADLINE_EXCEEDED, answer.grpcStatus(), answer.toString());
    assertServiceStillAnswers();
  }

  @Test
  void aMessageTrickledSlowerThanTheMessageTimeoutIsAnsweredAndReset() throws Exception {
    Promise<Answer> answered = Promise.promise();
    HttpClientRequest request = http.request(HttpMethod.POST, LIST_VENUES).await(5, TimeUnit.SECONDS);
    grpcHeaders(request, "application/grpc");
    request.setChunked(true);
    request.exceptionHandler(err -> { });
    request.response().compose(GrpcEdgeTest::answerOf).onComplete(answered);
    // Slowloris: one byte of a well-formed message every 200 ms, never idle, never complete in time.
    Buffer message = frame(0, listVenues());
    long timer = harness.vertx().setPeriodic(200, new io.vertx.core.Handler<>() {
      int sent;
      @Override
      public void handle(Long id) {
        if (sent < message.length()) {
          request.write(message.slice(sent, sent + 1));
          sent++;
        }
      }
    });
    try {
      Answer answer = answered.future().await(MESSAGE_TIMEOUT_MS + 4000, TimeUnit.MILLISECONDS);
      assertEquals(DEADLINE_EXCEEDED, answer.grpcStatus(), answer.toString());
    } finally {
      harness.vertx().cancelTimer(timer);
    }
    assertServiceStillAnswers();
  }

  @Test
  void headersPastTheHeaderListLimitAreRefused() throws Exception {
    // Written frame by frame on a socket: a Vert.x client would itself refuse to send what the server's
    // SETTINGS forbid, so only a raw client shows that the server enforces its limit.
    NetClient tcp = harness.vertx().createNetClient();
    try {
      NetSocket socket = tcp.connect(harness.venueGrpcPort(), "127.0.0.1").await(5, TimeUnit.SECONDS);
      Promise<String> verdict = Promise.promise();
      Buffer received = Buffer.buffer();
      socket.handler(chunk -> {
        received.appendBuffer(chunk);
        for (int pos = 0; pos + 9 <= received.length(); ) {
          int length = received.getUnsignedMedium(pos);
          int type = received.getUnsignedByte(pos + 3);
          int flags = received.getUnsignedByte(pos + 4);
          int stream = received.getInt(pos + 5) & 0x7fffffff;
          // The header block starts after the pad length (PADDED) and the priority fields (PRIORITY).
          int blockStart = pos + 9 + ((flags & 0x8) != 0 ? 1 : 0) + ((flags & 0x20) != 0 ? 5 : 0);
          if (pos + 9 + length > received.length()) {
            break;
          }
          if (type == 0x3 && stream == 1) {
            verdict.tryComplete("reset");
          } else if (type == 0x7) {
            verdict.tryComplete("goaway");
          } else if (type == 0x1 && stream == 1) {
            // 0x88 is ":status: 200" from the HPACK static table: the request went through.
            verdict.tryComplete(received.getUnsignedByte(blockStart) == 0x88 ? "served" : "refused with a status");
          }
          pos += 9 + length;
        }
      });
      socket.closeHandler(v -> verdict.tryComplete("closed"));
      Buffer block = Buffer.buffer()
        .appendBuffer(literal(":method", "POST")).appendBuffer(literal(":scheme", "http"))
        .appendBuffer(literal(":path", LIST_VENUES)).appendBuffer(literal(":authority", "127.0.0.1"))
        .appendBuffer(literal("content-type", "application/grpc")).appendBuffer(literal("te", "trailers"))
        .appendBuffer(literal("authorization", TestTokens.admin()))
        .appendBuffer(literal("x-padding", "a".repeat(20_000)));
      int split = 16_000;
      socket.write(Buffer.buffer("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
        .appendBuffer(h2Frame(0x4, 0, 0, Buffer.buffer()))
        .appendBuffer(h2Frame(0x1, 0, 1, block.slice(0, split)))
        .appendBuffer(h2Frame(0x9, 0x4, 1, block.slice(split, block.length())))).await(5, TimeUnit.SECONDS);
      String outcome = verdict.future().await(5, TimeUnit.SECONDS);
      assertNotEquals("served", outcome);
    } finally {
      tcp.close().await();
    }
    assertServiceStillAnswers();
  }

  /** An HTTP/2 frame: 24-bit length, type, flags, stream id, payload. */
  private static Buffer h2Frame(int type, int flags, int stream, Buffer payload) {
    return Buffer.buffer().appendMedium(payload.length()).appendByte((byte) type).appendByte((byte) flags)
      .appendInt(stream).appendBuffer(payload);
  }

  /** An HPACK "literal header field without indexing, new name", without Huffman coding. */
  private static Buffer literal(String name, String value) {
    return Buffer.buffer().appendByte((byte) 0).appendBuffer(hpackString(name)).appendBuffer(hpackString(value));
  }

  private static Buffer hpackString(String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Buffer out = Buffer.buffer();
    int length = bytes.length;
    if (length < 127) {
      out.appendByte((byte) length);
    } else {
      out.appendByte((byte) 127);
      length -= 127;
      while (length >= 128) {
        out.appendByte((byte) ((length & 0x7f) | 0x80));
        length >>>= 7;
      }
      out.appendByte((byte) length);
    }
    return out.appendBytes(bytes);
  }

  @Test
  void unknownMethodIsUnimplemented() throws Exception {
    Answer answer = send("/venue.VenueService/DropAllVenues", "application/grpc", MultiMap.caseInsensitiveMultiMap(),
      frame(0, listVenues())).await(5, TimeUnit.SECONDS);
    assertEquals(UNIMPLEMENTED, answer.grpcStatus(), answer.toString());
    assertServiceStillAnswers();
  }

  @Test
  void contentTypesOtherThanGrpcAre415() throws Exception {
    for (String type : new String[]{"application/json", "text/plain", "application/x-www-form-urlencoded", "application/grpc-web",
      "application/grpc-web-text", "application/grpc-foo"}) {
      Answer answer = send(LIST_VENUES, type, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{\"limit\":5}"))
        .await(5, TimeUnit.SECONDS);
      assertEquals(415, answer.httpStatus(), type);
    }
    assertServiceStillAnswers();
  }

  @Test
  void aStreamThatNeverFinishesItsMessageIsAnsweredAndReset() throws Exception {
    long start = System.nanoTime();
    Promise<Answer> answered = Promise.promise();
    Promise<Void> reset = Promise.promise();
    HttpClientRequest request = http.request(HttpMethod.POST, LIST_VENUES).await(5, TimeUnit.SECONDS);
    grpcHeaders(request, "application/grpc");
    request.setChunked(true);
    request.exceptionHandler(err -> {
      if (err instanceof StreamResetException) {
        reset.tryComplete();
      }
    });
    request.response().compose(GrpcEdgeTest::answerOf).onComplete(answered);
    // Half a frame, and then nothing: the message never completes and the stream never ends.
    request.write(Buffer.buffer().appendByte((byte) 0).appendInt(100).appendBytes(new byte[10]));
    Answer answer = answered.future().await(MESSAGE_TIMEOUT_MS + 4000, TimeUnit.MILLISECONDS);
    assertEquals(DEADLINE_EXCEEDED, answer.grpcStatus(), answer.toString());
    reset.future().await(5, TimeUnit.SECONDS);
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(tookMs >= MESSAGE_TIMEOUT_MS - 100 && tookMs < MESSAGE_TIMEOUT_MS + 4000, "took " + tookMs + " ms");
    assertServiceStillAnswers();
  }

  @Test
  void idleAndHalfSentConnectionsAreClosedWhileCallsKeepWorking() throws Exception {
    NetClient tcp = harness.vertx().createNetClient();
    try {
      long start = System.nanoTime();
      NetSocket idle = tcp.connect(harness.venueGrpcPort(), "127.0.0.1").await(5, TimeUnit.SECONDS);
      NetSocket halfSent = tcp.connect(harness.venueGrpcPort(), "127.0.0.1").await(5, TimeUnit.SECONDS);
      Promise<Void> idleClosed = Promise.promise();
      Promise<Void> halfSentClosed = Promise.promise();
      idle.closeHandler(v -> idleClosed.complete());
      halfSent.closeHandler(v -> halfSentClosed.complete());
      // Half of the HTTP/2 connection preface, then silence.
      halfSent.write("PRI * HTTP/2.0\r\n\r\n").await(5, TimeUnit.SECONDS);
      // Meanwhile, well-formed calls on another connection are answered.
      assertServiceStillAnswers();
      idleClosed.future().await(IDLE_TIMEOUT_S + 5, TimeUnit.SECONDS);
      halfSentClosed.future().await(IDLE_TIMEOUT_S + 5, TimeUnit.SECONDS);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(tookMs >= IDLE_TIMEOUT_S * 1000L - 200 && tookMs < (IDLE_TIMEOUT_S + 5) * 1000L, "closed after " + tookMs + " ms");
      assertServiceStillAnswers();
    } finally {
      tcp.close().await();
    }
  }

  private static Answer assertRefused(int expected, MultiMap extraHeaders, Buffer body) throws Exception {
    Answer answer = call(extraHeaders, body);
    assertEquals(200, answer.httpStatus(), answer.toString());
    assertEquals(expected, answer.grpcStatus(), answer.toString());
    assertServiceStillAnswers();
    return answer;
  }

  private static void assertServiceStillAnswers() throws Exception {
    Answer answer = call(MultiMap.caseInsensitiveMultiMap(), frame(0, listVenues()));
    assertEquals(OK, answer.grpcStatus(), answer.toString());
  }

  private static Answer call(MultiMap extraHeaders, Buffer body) throws Exception {
    return send(LIST_VENUES, "application/grpc", extraHeaders, body).await(5, TimeUnit.SECONDS);
  }

  private static Future<Answer> send(String path, String contentType, MultiMap extraHeaders, Buffer body) {
    return http.request(HttpMethod.POST, path).compose(request -> {
      grpcHeaders(request, contentType);
      request.headers().addAll(extraHeaders);
      return request.send(body).compose(GrpcEdgeTest::answerOf);
    });
  }

  private static void grpcHeaders(HttpClientRequest request, String contentType) {
    request.putHeader("content-type", contentType).putHeader("te", "trailers")
      .putHeader("authorization", TestTokens.admin());
  }

  private static Future<Answer> answerOf(io.vertx.core.http.HttpClientResponse response) {
    return response.body().map(body -> {
      String status = response.getHeader("grpc-status") != null ? response.getHeader("grpc-status") : response.getTrailer("grpc-status");
      String message = response.getHeader("grpc-message") != null ? response.getHeader("grpc-message") : response.getTrailer("grpc-message");
      return new Answer(response.statusCode(), status == null ? null : Integer.valueOf(status), message, response.headers());
    });
  }

  private static MultiMap headers(String name, String value) {
    return MultiMap.caseInsensitiveMultiMap().add(name, value);
  }

  private static byte[] listVenues() {
    return ListVenuesRequest.newBuilder().setLimit(5).build().toByteArray();
  }

  /** A gRPC length-prefixed message: compressed flag, 4-byte big-endian length, payload. */
  private static Buffer frame(int compressedFlag, byte[] payload) {
    return Buffer.buffer().appendByte((byte) compressedFlag).appendInt(payload.length).appendBytes(payload);
  }

  private static byte[] gzip(byte[] plain) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }
}
