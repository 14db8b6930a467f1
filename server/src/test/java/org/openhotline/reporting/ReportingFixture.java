package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What reporting tests share: a day of their own (the clock moved to a future day no other test writes on), orders
 * taken through the API, waiting for the reporting listeners, and reading KPIs and their records.
 */
public final class ReportingFixture {

    final int port;
    final JdbcClient jdbc;
    final TestClock clock;

    public ReportingFixture(int port, JdbcClient jdbc, TestClock clock) {
        this.port = port;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * How often each scenario's day was taken in this JVM: a second try in the same database (surefire reruns a failed
     * test right away) gets its day {@link #DAYS_PER_TRY} further on, since the first try's orders and call ids are
     * still on the first. Offsets are all below 400, so a moved day meets no other scenario's day nor the day after.
     */
    private static final Map<Integer, java.util.concurrent.atomic.AtomicInteger> TRIES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int DAYS_PER_TRY = 400;

    /**
     * Moves the clock to 09:00 of {@code daysAhead} days from today (on a rerun, 400 days more) and returns that day.
     * Each scenario keeps a day of its own and the day after it free (its KPI queries run from the day to the next,
     * both included): 45 OrderKpiTest, 47 FactRebuildTest, 53–55 AppealExclusionTest, 57 and 59 AppealOutcomeTest,
     * 61 UnitKpiReportTest, 64, 66 and 71 ReportsTest, 301–305 hot topics, periodic reports and the big screen.
     */
    LocalDate ownDay(int daysAhead) {
        int earlierTries = TRIES.computeIfAbsent(daysAhead, d -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement();
        LocalDate day = LocalDate.now(clock).plusDays(daysAhead + (long) DAYS_PER_TRY * earlierTries);
        clock.set(day.atTime(LocalTime.of(9, 0)).atZone(clock.getZone()).toInstant());
        return day;
    }

    long unit(String code) {
        return jdbc.sql("select id from org_node where code = ?").param(code).query(Long.class).single();
    }

    long order(ApiClient agent, String channel, String appealType, String content, Map<String, Object> finish) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("appealType", appealType);
        body.put("content", content);
        body.put("callerName", "李先生");
        body.put("callerPhone", "137" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)));
        if (finish != null) {
            body.put("finish", finish);
        }
        var r = agent.post("/api/work-orders", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    void dispatch(ApiClient dispatcher, long id, String unitCode) {
        ok(dispatcher, "/api/work-orders/" + id + "/dispatch", Map.of("mainUnitId", unit(unitCode), "instruction", "请按职责办理"));
    }

    long assignment(ApiClient client, long id, String unitCode) {
        long unit = unit(unitCode);
        var r = client.get("/api/work-orders/" + id);
        for (JsonNode a : r.json().path("assignments")) {
            if (a.path("unitId").asLong() == unit && List.of("PENDING_SIGN", "HANDLING", "RETURN_REQUESTED")
                    .contains(a.path("state").asString())) {
                return a.path("id").asLong();
            }
        }
        throw new AssertionError("no active assignment of " + unitCode + " on order " + id + ": " + r.body());
    }

    long request(long assignmentId, String kind) {
        return jdbc.sql("select id from wo_request where assignment_id = ? and kind = ? and state = 'PENDING'")
                .params(assignmentId, kind).query(Long.class).single();
    }

    void ok(ApiClient client, String path, Object body) {
        body = org.openhotline.testing.StepVersions.withCurrentVersion(jdbc, path, body);
        var r = client.post(path, body == null ? Map.of() : body);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    }

    /** Waits until the reporting listeners have handled every event published so far. */
    public void awaitFacts() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql("""
                select count(*) from event_publication where completion_date is null and listener_id like '%reporting%'""")
                .query(Long.class).single() == 0);
    }

    public JsonNode kpis(ApiClient client, String query) {
        var r = client.get("/api/reports/kpis?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    public static JsonNode kpi(JsonNode report, String code) {
        for (JsonNode k : report.path("kpis")) {
            if (k.path("code").asString().equals(code)) {
                return k;
            }
        }
        throw new AssertionError("no KPI " + code + " in " + report);
    }

    /** {@code [numerator, denominator, value]} of a KPI, value as text ("50.00", or "null"). */
    public static List<String> figures(JsonNode report, String code) {
        JsonNode k = kpi(report, code);
        return List.of(number(k.path("numerator")), number(k.path("denominator")), number(k.path("value")));
    }

    public static String number(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "null" : new BigDecimal(n.asString()).stripTrailingZeros().toPlainString();
    }

    public long records(ApiClient client, String code, String query, String part) {
        var r = client.get("/api/reports/kpis/" + code + "/records?" + query + "&part=" + part + "&size=200");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("total").asLong();
    }
}
