package io.booker.it.gateway;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.InvalidProtocolBufferException;
import io.booker.it.support.LogCapture;
import io.booker.it.support.NodeHarness;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.grpc.reflection.v1.ServerReflectionRequest;
import io.vertx.grpc.reflection.v1.ServerReflectionResponse;
import io.vertx.grpc.reflection.v1.ServiceResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Server reflection as grpcurl and {@code buf curl --list-methods} use it: one stream, no token,
 * several requests each answered on it, then the client ends its side and the call ends OK. Nothing
 * a client sends there (or to a method nobody serves) is logged at ERROR: in vertx-grpc-reflection
 * 5.0.7 each request after a stream's first logged an IllegalStateException with its stack.
 * Raw HTTP/2 with hand-made gRPC frames (Vert.x HttpClient, prior knowledge), without authorization.
 */
class GrpcReflectionTest {

  private static final String V1 = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
  private static final String V1_ALPHA = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";
  private static final int OK = 0, INVALID_ARGUMENT = 3, NOT_FOUND = 5, UNIMPLEMENTED = 12;

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");
  static final LogCapture logs = new LogCapture();
  static HttpClient http;

  @BeforeAll
  static void open() {
    logs.start();
    http = harness.vertx().createHttpClient(new HttpClientOptions()
      .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false).setDefaultHost("127.0.0.1"));
  }

  @AfterAll
  static void close() {
    logs.stop();
    http.close().await();
  }

  @AfterEach
  void nothingWasLoggedAtError() throws Exception {
    // The server handles one HTTP/2 connection's frames in order: once a new stream on it is
    // answered, whatever it did after an earlier reset on the same connection has happened.
    for (int port : new int[] {harness.venueGrpcPort(), harness.bookingGrpcPort()}) {
      Stream barrier = Stream.open(port, V1);
      barrier.send(ServerReflectionRequest.newBuilder().setListServices("").build());
      barrier.answer(0);
      barrier.end();
    }
    assertEquals(List.of(), logs.errors(), "a client's stream is never an error of the server");
  }

  @Test
  void listingMethodsAsBufCurlDoesAnswersEveryRequestOnOneStreamWithoutAToken() throws Exception {
    for (int port : new int[] {harness.venueGrpcPort(), harness.bookingGrpcPort()}) {
      String service = port == harness.venueGrpcPort() ? "venue.VenueService" : "booking.BookingService";
      Stream s = Stream.open(port, V1);
      s.send(ServerReflectionRequest.newBuilder().setListServices("").build());
      ServerReflectionResponse list = s.answer(0);
      List<String> names = list.getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList();
      assertTrue(names.containsAll(List.of(service, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection")), names.toString());

      // Then, on the same stream, what a tool asks next: the file of each service, a method's, a file by name.
      s.send(ServerReflectionRequest.newBuilder().setFileContainingSymbol(service).build());
      DescriptorProtos.FileDescriptorProto file = firstFile(s.answer(1));
      assertTrue(file.getServiceList().stream().anyMatch(d -> service.endsWith("." + d.getName())), file.getName());
      s.send(ServerReflectionRequest.newBuilder().setFileContainingSymbol(service + "." + file.getService(0).getMethod(0).getName()).build());
      assertEquals(file.getName(), firstFile(s.answer(2)).getName());
      s.send(ServerReflectionRequest.newBuilder().setFileByFilename(file.getDependency(0)).build());
      assertEquals(file.getDependency(0), firstFile(s.answer(3)).getName());
      s.send(ServerReflectionRequest.newBuilder().setFileContainingSymbol("no.Such").build());
      assertEquals(NOT_FOUND, s.answer(4).getErrorResponse().getErrorCode(), "an unknown symbol is an error answer, not a failed call");

      assertEquals(OK, s.end(), "the call ends OK when the client ends its side");
    }
  }

  @Test
  void theOlderV1AlphaNameAnswersToo() throws Exception {
    Stream s = Stream.open(harness.bookingGrpcPort(), V1_ALPHA);
    s.send(ServerReflectionRequest.newBuilder().setListServices("").build());
    s.send(ServerReflectionRequest.newBuilder().setFileContainingSymbol("booking.BookingService").build());
    assertTrue(s.answer(0).hasListServicesResponse());
    assertTrue(s.answer(1).hasFileDescriptorResponse());
    assertEquals(OK, s.end());
  }

  @Test
  void hostileReflectionStreamsGetAStatusOrAreDroppedAndNothingIsLoggedAtError() throws Exception {
    // A truncated frame, then the end of the stream.
    Stream truncated = Stream.open(harness.venueGrpcPort(), V1);
    truncated.request.write(Buffer.buffer().appendByte((byte) 0).appendInt(100).appendBytes(new byte[10]));
    assertNotNull(assertDoesNotThrow(truncated::end, "truncated"), "answered with a status");

    // Bytes that are not a reflection request.
    Stream garbage = Stream.open(harness.venueGrpcPort(), V1);
    garbage.request.write(frame(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
    assertEquals(INVALID_ARGUMENT, assertDoesNotThrow(garbage::end, "garbage"));

    // A stream reset after its first answer, and one reset in the middle of a request.
    Stream resetAfter = Stream.open(harness.venueGrpcPort(), V1);
    resetAfter.send(ServerReflectionRequest.newBuilder().setListServices("").build());
    resetAfter.answer(0);
    resetAfter.request.reset();
    Stream resetMidway = Stream.open(harness.venueGrpcPort(), V1);
    resetMidway.request.write(Buffer.buffer().appendByte((byte) 0).appendInt(50).appendBytes(new byte[5]));
    resetMidway.request.reset();

    // A method nobody serves.
    Stream unknown = Stream.open(harness.venueGrpcPort(), "/grpc.reflection.v2.ServerReflection/ServerReflectionInfo");
    unknown.send(ServerReflectionRequest.newBuilder().setListServices("").build());
    assertEquals(UNIMPLEMENTED, assertDoesNotThrow(unknown::end, "unknown"));

    // And reflection still answers.
    Stream after = Stream.open(harness.venueGrpcPort(), V1);
    after.send(ServerReflectionRequest.newBuilder().setListServices("").build());
    assertTrue(after.answer(0).hasListServicesResponse());
    assertEquals(OK, after.end());
  }

  private static DescriptorProtos.FileDescriptorProto firstFile(ServerReflectionResponse r) throws InvalidProtocolBufferException {
    assertTrue(r.hasFileDescriptorResponse(), r::toString);
    return DescriptorProtos.FileDescriptorProto.parseFrom(r.getFileDescriptorResponse().getFileDescriptorProto(0));
  }

  private static Buffer frame(byte[] payload) {
    return Buffer.buffer().appendByte((byte) 0).appendInt(payload.length).appendBytes(payload);
  }

  /** One client stream: requests written as they come, answers parsed from the gRPC frames as they arrive. */
  private static final class Stream {
    final HttpClientRequest request;
    private final List<ServerReflectionResponse> answers = new CopyOnWriteArrayList<>();
    private final List<Promise<ServerReflectionResponse>> waiting = new ArrayList<>();
    private final Promise<Integer> status = Promise.promise();
    private Buffer pending = Buffer.buffer();

    private Stream(HttpClientRequest request) {
      this.request = request;
    }

    static Stream open(int port, String path) throws Exception {
      HttpClientRequest request = http.request(HttpMethod.POST, port, "127.0.0.1", path).await(5, TimeUnit.SECONDS);
      // No authorization header: reflection is open, as docs/security.md says.
      request.putHeader("content-type", "application/grpc").putHeader("te", "trailers").setChunked(true);
      Stream s = new Stream(request);
      request.response().onSuccess(s::read).onFailure(s.status::tryFail);
      request.exceptionHandler(err -> s.status.tryFail(err));
      return s;
    }

    void send(ServerReflectionRequest r) throws Exception {
      request.write(frame(r.toByteArray())).await(5, TimeUnit.SECONDS);
    }

    /** The {@code i}th answer (0-based), waiting for it. */
    ServerReflectionResponse answer(int i) throws Exception {
      Promise<ServerReflectionResponse> answer;
      synchronized (this) {
        while (waiting.size() <= i) {
          waiting.add(Promise.promise());
        }
        answer = waiting.get(i);
        if (answers.size() > i) {
          answer.tryComplete(answers.get(i));
        }
      }
      return answer.future().await(5, TimeUnit.SECONDS);
    }

    /** Ends the client's side; the call's grpc-status. */
    Integer end() throws Exception {
      request.end();
      return status.future().await(5, TimeUnit.SECONDS);
    }

    private void read(HttpClientResponse response) {
      String early = response.getHeader("grpc-status");
      response.handler(chunk -> parse(chunk));
      response.endHandler(v -> {
        String s = early != null ? early : response.getTrailer("grpc-status");
        status.tryComplete(s == null ? null : Integer.valueOf(s));
      });
      response.exceptionHandler(status::tryFail);
    }

    private synchronized void parse(Buffer chunk) {
      pending = pending.appendBuffer(chunk);
      while (pending.length() >= 5 && pending.length() >= 5 + pending.getInt(1)) {
        int length = pending.getInt(1);
        try {
          ServerReflectionResponse r = ServerReflectionResponse.parseFrom(pending.getBytes(5, 5 + length));
          answers.add(r);
          int i = answers.size() - 1;
          if (waiting.size() > i) {
            waiting.get(i).tryComplete(r);
          }
        } catch (InvalidProtocolBufferException e) {
          status.tryFail(e);
        }
        pending = pending.getBuffer(5 + length, pending.length());
      }
    }
  }
}
