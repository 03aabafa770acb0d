package io.booker.it.gateway;

import io.booker.it.support.LogCapture;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.TestNodes;
import io.booker.testinfra.TestTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code /api/v1/ws} as a hostile WebSocket client meets it, over a raw socket with masked frames
 * (RFC 6455): a frame over the max frame size and a fragmented message over the max message size are
 * closed with 1009, a text message that is not UTF-8 with 1007, each with a close frame before the
 * connection ends; other methods than GET are a 405; nothing is logged at ERROR.
 */
class LiveSocketFramingTest {

  static final int OP_CONTINUATION = 0x0;
  static final int OP_TEXT = 0x1;
  static final int OP_CLOSE = 0x8;

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus", new JsonObject()
    .put("verticles", TestNodes.allInOneWithoutNotify()));

  static final LogCapture logs = new LogCapture();

  @BeforeAll
  static void setUp() {
    logs.start();
  }

  @AfterAll
  static void tearDown() {
    logs.stop();
  }

  @AfterEach
  void nothingWasLoggedAtError() {
    assertEquals(List.of(), logs.errors(), "client mistakes are not errors of the server");
  }

  @Test
  void aFrameOverTheMaxFrameSizeIsClosedWith1009() throws IOException {
    try (Socket s = upgraded()) {
      // Only the header and a little of the payload: the length alone is over the limit.
      writeFrame(s, true, OP_TEXT, new byte[1024], 70_000);
      assertClosedWith(s, 1009);
    }
  }

  @Test
  void aFragmentedMessageOverTheMaxMessageSizeIsClosedWith1009() throws IOException {
    try (Socket s = upgraded()) {
      byte[] fragment = new byte[32 * 1024];
      Arrays.fill(fragment, (byte) 'x');
      int fragments = 10 * 1024 * 1024 / fragment.length;
      try {
        for (int i = 0; i < fragments; i++) {
          writeFrame(s, i == fragments - 1, i == 0 ? OP_TEXT : OP_CONTINUATION, fragment, fragment.length);
        }
      } catch (IOException closedWhileWriting) {
        // The server may end the connection before all 10 MiB are written; what it sent first is read below.
      }
      assertClosedWith(s, 1009);
    }
  }

  @Test
  void aTextMessageThatIsNotUtf8IsClosedWith1007() throws IOException {
    try (Socket s = upgraded()) {
      byte[] notUtf8 = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
      writeFrame(s, true, OP_TEXT, notUtf8, notUtf8.length);
      assertClosedWith(s, 1007);
    }
  }

  @Test
  void aFragmentedMessageWithinTheLimitsIsServed() throws IOException {
    try (Socket s = upgraded()) {
      byte[] ping = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
      writeFrame(s, false, OP_TEXT, Arrays.copyOfRange(ping, 0, 5), 5);
      writeFrame(s, true, OP_CONTINUATION, Arrays.copyOfRange(ping, 5, ping.length), ping.length - 5);
      Frame answer = readFrame(s);
      assertEquals(OP_TEXT, answer.opcode());
      assertEquals("pong", new JsonObject(new String(answer.payload(), StandardCharsets.UTF_8)).getString("type"));
    }
  }

  @Test
  void otherMethodsThanGetAreA405ThatNamesGet() {
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
      HttpResponse<Buffer> r = harness.api().request(method, "/api/v1/ws").send().await();
      assertEquals(405, r.statusCode(), method + ": " + r.bodyAsString());
      assertEquals("GET, HEAD", r.getHeader("Allow"), "a WebSocket is opened with GET (HEAD goes with it)");
      assertEquals("application/problem+json", r.getHeader("content-type"));
      assertEquals("METHOD_NOT_ALLOWED", r.bodyAsJsonObject().getString("code"));
    }
  }

  // --- a WebSocket client of raw frames ---

  record Frame(boolean fin, int opcode, byte[] payload) {
  }

  /** A socket past the handshake, authenticated by header, its "ready" message read. */
  static Socket upgraded() throws IOException {
    Socket s = new Socket("127.0.0.1", harness.httpPort());
    s.setSoTimeout(15_000);
    OutputStream out = s.getOutputStream();
    out.write(("GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: " + TestTokens.admin()
      + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = s.getInputStream().read();
      assertTrue(b >= 0, "closed during the handshake: " + head);
      head.write(b);
    }
    assertTrue(head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"), head.toString(StandardCharsets.US_ASCII));
    Frame ready = readFrame(s);
    assertEquals("ready", new JsonObject(new String(ready.payload(), StandardCharsets.UTF_8)).getString("type"));
    return s;
  }

  /** Writes a masked frame whose header says {@code length} bytes, with {@code payload} after it (all of it or a start). */
  static void writeFrame(Socket s, boolean fin, int opcode, byte[] payload, long length) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | opcode);
    if (length < 126) {
      frame.write(0x80 | (int) length);
    } else if (length <= 0xFFFF) {
      frame.write(0x80 | 126);
      frame.write((int) (length >> 8));
      frame.write((int) length);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (length >> shift));
      }
    }
    byte[] mask = {0x12, 0x34, 0x56, 0x78};
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    s.getOutputStream().write(frame.toByteArray());
    s.getOutputStream().flush();
  }

  static Frame readFrame(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame((first & 0x80) != 0, first & 0x0F, payload);
  }

  /** Reads (skipping data frames) until a close frame, which must carry {@code code}; then the connection must end. */
  static void assertClosedWith(Socket s, int code) throws IOException {
    Frame frame;
    do {
      try {
        frame = readFrame(s);
      } catch (java.io.EOFException | java.net.SocketException e) {
        throw new AssertionError("the connection ended without a close frame", e);
      }
    } while (frame.opcode() != OP_CLOSE);
    assertTrue(frame.payload().length >= 2, "a close frame with a code");
    assertEquals(code, ((frame.payload()[0] & 0xFF) << 8) | (frame.payload()[1] & 0xFF));
    try {
      writeFrame(s, true, OP_CLOSE, new byte[] {(byte) 0x03, (byte) 0xE8}, 2);
    } catch (IOException alreadyClosed) {
      // The server did not wait for the closing handshake.
    }
    try {
      assertEquals(-1, s.getInputStream().read(), "the server ends the connection after its close frame");
    } catch (java.net.SocketException reset) {
      // Ended too.
    }
  }
}
