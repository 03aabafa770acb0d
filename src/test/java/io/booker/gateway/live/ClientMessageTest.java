package io.booker.gateway.live;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ClientMessageTest {

  static final String V1 = "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c";
  static final String V2 = "11111111-2222-4333-8444-555555555555";

  static String invalid(String text) {
    return assertThrows(ClientMessage.Invalid.class, () -> ClientMessage.parse(text, 3)).getMessage();
  }

  @Test
  void eachTypeIsRead() throws Exception {
    assertEquals(new ClientMessage.Auth("abc"), ClientMessage.parse("{\"type\":\"auth\",\"token\":\" abc \"}", 3));
    assertEquals(new ClientMessage.Ping(), ClientMessage.parse("{\"type\":\"ping\",\"extra\":1}", 3));
    assertEquals(new ClientMessage.Unsubscribe(List.of(V1)), ClientMessage.parse("{\"type\":\"unsubscribe\",\"venue_ids\":[\"" + V1 + "\"]}", 3));
    ClientMessage.Subscribe plain = (ClientMessage.Subscribe) ClientMessage.parse("{\"type\":\"subscribe\",\"venue_ids\":[\"" + V1 + "\"]}", 3);
    assertFalse(plain.resumes());
    ClientMessage.Subscribe after = (ClientMessage.Subscribe) ClientMessage.parse(
      "{\"type\":\"subscribe\",\"venue_ids\":[\"" + V1 + "\"],\"since_event_id\":\"" + V2 + "\"}", 3);
    assertTrue(after.resumes());
    assertEquals(V2, after.sinceEventId());
    ClientMessage.Subscribe since = (ClientMessage.Subscribe) ClientMessage.parse(
      "{\"type\":\"subscribe\",\"venue_ids\":[\"" + V1 + "\"],\"since\":1767225600}", 3);
    assertEquals(1767225600L, since.since());
  }

  @Test
  void venueIdsAreLowerCasedAndDeduplicated() throws Exception {
    ClientMessage.Subscribe s = (ClientMessage.Subscribe) ClientMessage.parse(
      "{\"type\":\"subscribe\",\"venue_ids\":[\"" + V1.toUpperCase() + "\",\"" + V1 + "\",\"" + V2 + "\"]}", 3);
    assertEquals(List.of(V1, V2), s.venueIds());
  }

  @Test
  void badMessagesNameWhatIsWrong() {
    assertEquals("message is not a JSON object", invalid("{nope"));
    assertEquals("message is not a JSON object", invalid("[1]"));
    assertEquals("message is not a JSON object", invalid("null"));
    assertEquals("type: is required (a string)", invalid("{}"));
    assertEquals("type: is required (a string)", invalid("{\"type\":7}"));
    assertTrue(invalid("{\"type\":\"dance\"}").startsWith("type: unknown message type"));
    assertEquals("token: is required (an access token)", invalid("{\"type\":\"auth\"}"));
    assertEquals("token: is required (an access token)", invalid("{\"type\":\"auth\",\"token\":\"  \"}"));
    assertTrue(invalid("{\"type\":\"subscribe\"}").startsWith("venue_ids:"));
    assertTrue(invalid("{\"type\":\"subscribe\",\"venue_ids\":[]}").startsWith("venue_ids:"));
    assertEquals("venue_ids[1]: must be a venue id (UUID)", invalid("{\"type\":\"subscribe\",\"venue_ids\":[\"" + V1 + "\",\"x\"]}"));
    assertEquals("venue_ids: at most 3 venues", invalid("{\"type\":\"unsubscribe\",\"venue_ids\":[\"" + V1 + "\",\"" + V1 + "\",\"" + V1 + "\",\"" + V1 + "\"]}"));
    String base = "{\"type\":\"subscribe\",\"venue_ids\":[\"" + V1 + "\"]";
    assertTrue(invalid(base + ",\"since_event_id\":\"" + V2 + "\",\"since\":1}").startsWith("since_event_id, since:"));
    assertTrue(invalid(base + ",\"since_event_id\":\"latest\"}").startsWith("since_event_id:"));
    assertTrue(invalid(base + ",\"since\":-1}").startsWith("since:"));
    assertTrue(invalid(base + ",\"since\":\"yesterday\"}").startsWith("since:"));
    assertTrue(invalid(base + ",\"since\":1.5}").startsWith("since:"));
  }
}
