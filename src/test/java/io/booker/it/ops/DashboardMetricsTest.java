package io.booker.it.ops;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.NotifyGroups;
import io.booker.it.support.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard and the Prometheus alert rules in {@code docker/} read only metrics a node
 * really exports: a real node, a little traffic (a venue, a booking with an email, its confirmation),
 * then every metric name in every PromQL expression must be among the samples of {@code /metrics}.
 * And the rules file is valid, has its groups, and compose mounts it (and the dashboard).
 */
class DashboardMetricsTest {

  static final Path DASHBOARD = Path.of("docker/grafana/dashboards/booker.json");
  static final Path ALERTS = Path.of("docker/prometheus/alerts.yml");
  static final Path PROMETHEUS = Path.of("docker/prometheus/prometheus.yml");
  static final Path COMPOSE = Path.of("docker/compose.yaml");
  static final Path DASHBOARD_PROVIDER = Path.of("docker/grafana/provisioning/dashboards/booker.yml");
  /** Made by Prometheus itself for every target, not by the node. */
  static final Set<String> PROMETHEUS_OWN = Set.of("up");

  @Test
  void everyMetricTheDashboardAndTheAlertRulesReadIsExportedByANode() throws Exception {
    Map<String, Set<String>> readBy = new LinkedHashMap<>();
    dashboardExpressions().forEach((where, expr) -> PromQlNames.referenced(expr).forEach(n -> readBy.computeIfAbsent(n, k -> new TreeSet<>()).add(where)));
    alertExpressions().forEach((where, expr) -> PromQlNames.referenced(expr).forEach(n -> readBy.computeIfAbsent(n, k -> new TreeSet<>()).add(where)));
    assertTrue(readBy.size() > 20, "the files name a few dozen metrics: " + readBy.keySet());

    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    Vertx client = Vertx.vertx();
    String group = NotifyGroups.fresh("notify-metrics");
    JsonObject extra = new JsonObject()
      .put("outbox", new JsonObject().put("poll_ms", 500).put("backlog_refresh_ms", 500))
      .put("notify", new JsonObject().put("lag_refresh_ms", 500).put("group_id", group)
        .put("email", new JsonObject().put("host", "127.0.0.1").put("port", smtp.getSmtp().getPort())
          .put("from", "Booker <no-reply@booker.test>").put("starttls", "DISABLED")));
    try (TestNodes.Started node = TestNodes.allInOne("eventbus", extra)) {
      WebClient web = WebClient.create(client);
      ApiClient api = new ApiClient(web, node.httpPort());
      String venue = Bookings.venueOpenAllDay(api);
      String[] table = Bookings.table(api, Bookings.room(api, venue, "Main"), "T1", 4, false);
      ZonedDateTime start = ZonedDateTime.now(Bookings.TOKYO).plusDays(2).truncatedTo(ChronoUnit.HOURS);
      JsonObject request = Bookings.request(venue, table, start.toLocalDate(), start.format(DateTimeFormatter.ofPattern("HH:mm")), 90, 2)
        .put("customer_email", "metrics-" + UUID.randomUUID() + "@guests.test");
      Bookings.confirmed(api, request);

      Set<String> wanted = new TreeSet<>(readBy.keySet());
      wanted.removeAll(PROMETHEUS_OWN);
      String scrape = Eventually.await("every metric the dashboard and alerts read in /metrics", Duration.ofSeconds(60),
        () -> web.get(node.httpPort(), "127.0.0.1", "/metrics").send().await().bodyAsString(),
        body -> PromQlNames.exposed(body).containsAll(wanted)
          // The gauges and counters this traffic must have moved, not merely registered.
          && body.contains("booking_transitions_total{from=\"held\",to=\"confirmed\"}")
          && body.contains("notify_notifications_total{channel=\"email\",outcome=\"sent\"}"),
        body -> "not exported: " + unknown(readBy, PromQlNames.exposed(body)));
      assertTrue(scrape.contains("booking_transitions_total{from=\"none\",to=\"held\"} 1.0"), "one booking created");
      assertTrue(scrape.contains("booking_holds_total{outcome=\"taken\"} 1.0"), "one hold taken");
      assertTrue(scrape.contains("booking_holds_total{outcome=\"confirmed\"} 1.0"), "one hold confirmed");
      assertTrue(scrape.contains("outbox_pending_events{service=\"booking\"}"), "booking's outbox gauge");
      assertTrue(scrape.contains("outbox_dead_letter_events{service=\"venue\"}"), "venue's dead letter gauge");
      assertTrue(scrape.contains("kafka_consumer_lag_records{group=\"" + group + "\",topic=\"booking."), "notify's lag on a booking topic");
      assertTrue(scrape.contains("cluster_members 1.0"), "a node that is not clustered is its own cluster");
      assertTrue(scrape.contains("redis_operations_total{operation=") && scrape.contains("service=\"booking\"}"), "booking's Redis holds");
    } finally {
      client.close().await();
      smtp.stop();
    }
  }

  @Test
  void theAlertRulesAreValidYamlWithTheirGroupsAndPrometheusLoadsThem() throws IOException {
    Map<String, Object> rules = new Yaml().load(Files.readString(ALERTS));
    List<String> groups = new ArrayList<>();
    Set<String> alerts = new TreeSet<>();
    for (Map<String, Object> group : maps(rules.get("groups"))) {
      groups.add((String) group.get("name"));
      for (Map<String, Object> rule : maps(group.get("rules"))) {
        String name = (String) rule.get("alert");
        assertTrue(name != null && !name.isBlank(), "a rule without a name in " + group.get("name"));
        assertTrue(rule.get("expr") instanceof String e && !e.isBlank(), name + " has an expression");
        assertTrue(rule.get("labels") instanceof Map<?, ?> l && l.get("severity") != null, name + " has a severity");
        assertTrue(rule.get("annotations") instanceof Map<?, ?> a && a.get("summary") != null, name + " has a summary");
        assertTrue(alerts.add(name), "alert " + name + " twice");
      }
    }
    assertEquals(List.of("booker-availability", "booker-outbox", "booker-notify"), groups);
    assertTrue(alerts.containsAll(Set.of("BookerNodeDown", "BookerHighErrorRate", "BookerOutboxBacklogGrowing", "BookerOutboxEventStuck",
      "BookerOutboxDeadLetters", "BookerNotifyConsumerLag")), alerts.toString());

    Map<String, Object> prometheus = new Yaml().load(Files.readString(PROMETHEUS));
    assertEquals(List.of("/etc/prometheus/alerts.yml"), prometheus.get("rule_files"));
  }

  @Test
  void composeMountsTheRulesTheScrapeConfigAndTheDashboard() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
    Map<String, Object> services = map(compose.get("services"));
    List<?> prometheus = (List<?>) map(services.get("prometheus")).get("volumes");
    assertTrue(prometheus.contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro"), prometheus.toString());
    assertTrue(prometheus.contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"), prometheus.toString());
    List<?> grafana = (List<?>) map(services.get("grafana")).get("volumes");
    assertTrue(grafana.contains("./grafana/provisioning:/etc/grafana/provisioning:ro"), grafana.toString());
    assertTrue(grafana.contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro"), grafana.toString());
    // Relative to compose.yaml, every mounted file exists.
    for (Object volume : concat(prometheus, grafana)) {
      String host = volume.toString().split(":")[0];
      assertTrue(Files.exists(COMPOSE.getParent().resolve(host)), "compose mounts " + host + ", which is missing");
    }
    Map<String, Object> provider = maps(((Map<String, Object>) new Yaml().load(Files.readString(DASHBOARD_PROVIDER))).get("providers")).get(0);
    assertEquals("/var/lib/grafana/dashboards", map(provider.get("options")).get("path"));
    JsonObject dashboard = new JsonObject(Files.readString(DASHBOARD));
    assertEquals("booker-overview", dashboard.getString("uid"));
  }

  /** Every referenced name not among the exposed ones, with where it is read. */
  private static String unknown(Map<String, Set<String>> readBy, Set<String> exposed) {
    Map<String, Set<String>> missing = new LinkedHashMap<>();
    readBy.forEach((name, where) -> {
      if (!exposed.contains(name) && !PROMETHEUS_OWN.contains(name)) {
        missing.put(name, where);
      }
    });
    return missing.toString();
  }

  /** "panel title [refId]" → expression, for every query of every panel (rows included). */
  static Map<String, String> dashboardExpressions() throws IOException {
    Map<String, String> exprs = new LinkedHashMap<>();
    collect(new JsonObject(Files.readString(DASHBOARD)).getJsonArray("panels"), exprs);
    assertFalse(exprs.isEmpty(), "the dashboard has queries");
    return exprs;
  }

  private static void collect(JsonArray panels, Map<String, String> exprs) {
    for (int i = 0; i < panels.size(); i++) {
      JsonObject panel = panels.getJsonObject(i);
      JsonArray targets = panel.getJsonArray("targets", new JsonArray());
      for (int t = 0; t < targets.size(); t++) {
        JsonObject target = targets.getJsonObject(t);
        exprs.put("panel '" + panel.getString("title") + "' " + target.getString("refId"), target.getString("expr"));
      }
      collect(panel.getJsonArray("panels", new JsonArray()), exprs);
    }
  }

  /** "alert name" → expression. */
  static Map<String, String> alertExpressions() throws IOException {
    Map<String, Object> rules = new Yaml().load(Files.readString(ALERTS));
    Map<String, String> exprs = new LinkedHashMap<>();
    for (Map<String, Object> group : maps(rules.get("groups"))) {
      for (Map<String, Object> rule : maps(group.get("rules"))) {
        exprs.put("alert " + rule.get("alert"), (String) rule.get("expr"));
      }
    }
    return exprs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object o) {
    return (List<Map<String, Object>>) o;
  }

  private static List<Object> concat(List<?> a, List<?> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
