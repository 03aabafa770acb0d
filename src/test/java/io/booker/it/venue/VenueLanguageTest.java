package io.booker.it.venue;

import io.booker.it.support.ApiClient;
import io.booker.it.support.KafkaEvents;
import io.booker.it.support.NodeHarness;
import io.booker.venue.VenueEvents;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Seed.unique;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A venue's language (the one guests are written to in) over REST: stored in canonical case,
 * replaced and cleared by a full update, refused naming the field when it is not a language tag,
 * and carried by the venue.created and venue.updated events notify keeps its venue projection from.
 */
class VenueLanguageTest {

  static final String VENUES = "/api/v1/venues";

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  @Test
  void languageIsCreatedNormalisedReplacedAndCleared() {
    String name = unique("Bistrot");
    JsonObject created = api.created(VENUES, new JsonObject().put("name", name).put("timezone", "America/Toronto").put("language", "fr-ca"));
    assertEquals("fr-CA", created.getString("language"), "stored in canonical case");
    String id = created.getString("id");
    assertEquals(created, api.ok(api.get(VENUES + "/" + id)));

    JsonObject german = api.ok(api.put(VENUES + "/" + id, new JsonObject().put("name", name).put("language", "de")));
    assertEquals("de", german.getString("language"));
    assertEquals("America/Toronto", german.getString("timezone"));
    assertEquals(german, api.ok(api.get(VENUES + "/" + id)));

    JsonObject cleared = api.ok(api.put(VENUES + "/" + id, new JsonObject().put("name", name).put("language", "")));
    assertEquals("", cleared.getString("language"));
    api.ok(api.put(VENUES + "/" + id, new JsonObject().put("name", name).put("language", "en-GB")));
    JsonObject leftOut = api.ok(api.put(VENUES + "/" + id, new JsonObject().put("name", name)));
    assertEquals("", leftOut.getString("language"), "a full update clears a language the body leaves out");
    assertEquals(leftOut, api.ok(api.get(VENUES + "/" + id)));

    assertEquals("", api.venue(unique("Unset")).getString("language"), "not set unless given");
    JsonObject listed = api.ok(api.get(VENUES + "?limit=500")).getJsonArray("venues").stream()
      .map(JsonObject.class::cast).filter(v -> v.getString("id").equals(id)).findFirst().orElseThrow();
    assertEquals(leftOut, listed);
  }

  @Test
  void invalidLanguageIsRefusedNamingTheField() {
    // Refused by the document's pattern at the gateway, or by the service's stricter check (a tag
    // Locale rewrites, "und"): a 400 naming the field either way.
    for (String bad : new String[] {"english", "en_US", "en-US-x-private", "zh-yue", "und", "iw", "en-12", "x".repeat(36)}) {
      assertProblem(api.post(VENUES, new JsonObject().put("name", "X").put("language", bad)), 400, "INVALID_ARGUMENT", "language");
    }
    assertProblem(api.post(VENUES, new JsonObject().put("name", "X").put("language", 7)), 400, "INVALID_ARGUMENT", "language");

    JsonObject venue = api.created(VENUES, new JsonObject().put("name", unique("Kept")).put("language", "it"));
    String id = venue.getString("id");
    assertProblem(api.put(VENUES + "/" + id, new JsonObject().put("name", "X").put("language", "italiano")), 400, "INVALID_ARGUMENT", "language");
    assertProblem(api.put(VENUES + "/" + id, new JsonObject().put("name", "X").put("language", "und")), 400, "INVALID_ARGUMENT", "language");
    assertEquals(venue, api.ok(api.get(VENUES + "/" + id)), "a refused update changes nothing");
  }

  @Test
  void venueEventsCarryTheLanguage() {
    String name = unique("Evented");
    String id = api.created(VENUES, new JsonObject().put("name", name).put("timezone", "Europe/Berlin").put("language", "DE-at"))
      .getString("id");
    JsonObject created = KafkaEvents.awaitEvent(VenueEvents.VENUE_CREATED, id, e -> true).getJsonObject("venue_created");
    assertEquals(new JsonObject().put("name", name).put("timezone", "Europe/Berlin").put("language", "de-AT"), created);

    api.ok(api.put(VENUES + "/" + id, new JsonObject().put("name", name).put("language", "fr")));
    JsonObject updated = KafkaEvents.awaitEvent(VenueEvents.VENUE_UPDATED, id,
      e -> "fr".equals(e.getJsonObject("venue_updated").getString("language"))).getJsonObject("venue_updated");
    assertEquals("Europe/Berlin", updated.getString("timezone"));

    // Cleared: protobuf JSON leaves the empty string out, which a reader takes as "not set".
    api.ok(api.put(VENUES + "/" + id, new JsonObject().put("name", name + " bis")));
    JsonObject clearedEvent = KafkaEvents.awaitEvent(VenueEvents.VENUE_UPDATED, id,
      e -> (name + " bis").equals(e.getJsonObject("venue_updated").getString("name"))).getJsonObject("venue_updated");
    assertFalse(clearedEvent.containsKey("language"), clearedEvent::encode);
  }
}
