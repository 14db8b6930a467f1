package org.openhotline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.testing.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What quality tests share: answered calls of a month of their own written straight into the call records (and the
 * reporting call facts, as the call center's events would), a plan drawn over them, and steps through the API.
 */
public final class QualityFixture {

    final int port;
    final JdbcClient jdbc;

    public QualityFixture(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    /** Months no other test (nor an earlier try of the same test, rerun on the same database) has calls in. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_MONTH =
            new java.util.concurrent.atomic.AtomicInteger((int) Math.floorMod(System.nanoTime(), 4800L));

    /**
     * A month of the calling test's own, between 2100 and 2599: a plan draws every answered call of its month, so a
     * fixed month shared with any other call (CI once drew 7 where the test wrote 6) or a rerun breaks its counts.
     */
    public static YearMonth ownMonth() {
        return YearMonth.of(2100, 1).plusMonths(NEXT_MONTH.getAndIncrement() % 4800);
    }

    public long accountId(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    /** {@code count} answered calls of {@code agent} in {@code month}, 3 minutes each; {@code dissatisfied} of them rated 3. */
    public List<String> calls(String prefix, String agent, YearMonth month, int count, int dissatisfied) {
        long agentId = accountId(agent);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + month + "-" + agent + "-" + i;
            Instant arrived = month.atDay(1 + i % 27).atTime(9 + i % 8, 0).atZone(zone).toInstant();
            Integer satisfaction = i < dissatisfied ? 3 : 1;
            jdbc.sql("""
                    insert into cc_call (id, caller, called, direction, arrived_at, queued_at, answered_at, ended_at, agent_id, satisfaction)
                    values (?, ?, '12345', 'INBOUND', ?, ?, ?, ?, ?, ?)""")
                    .params(id, "1390000" + String.format("%04d", i), ts(arrived), ts(arrived.plusSeconds(5)), ts(arrived.plusSeconds(10)),
                            ts(arrived.plusSeconds(190)), agentId, satisfaction).update();
            jdbc.sql("""
                    insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, answered_at, ended_at, agent_id, satisfaction)
                    values (?, 'INBOUND', ?, ?, ?, ?, ?, ?)""")
                    .params(id, ts(arrived), ts(arrived.plusSeconds(5)), ts(arrived.plusSeconds(10)), ts(arrived.plusSeconds(190)),
                            agentId, satisfaction).update();
            ids.add(id);
        }
        return ids;
    }

    public long callTemplate() {
        return jdbc.sql("select id from qc_template where kind = 'CALL' and created_by = 'system'").query(Long.class).single();
    }

    /** A plan over {@code month} drawn by the QC lead (manager); returns the plan as the API answered it. */
    public JsonNode drawnPlan(String name, YearMonth month, int sharePercent, Map<String, Double> strata, List<String> inspectors, long seed) {
        return drawnPlan(name, callTemplate(), month, sharePercent, strata, inspectors, seed);
    }

    /** The same with another template (a work-order template draws orders). */
    public JsonNode drawnPlan(String name, long templateId, YearMonth month, int sharePercent, Map<String, Double> strata,
                              List<String> inspectors, long seed) {
        var lead = ApiClient.loggedIn(port, "manager");
        Map<String, Object> form = new HashMap<>();
        form.put("name", name);
        form.put("templateId", templateId);
        form.put("month", month.toString());
        form.put("sharePercent", sharePercent);
        form.put("strata", strata);
        form.put("inspectorIds", inspectors.stream().map(this::accountId).toList());
        form.put("dueDays", 2);
        form.put("seed", seed);
        var created = lead.post("/api/quality/plans", form);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        var drawn = lead.post("/api/quality/plans/" + created.json().path("id").asLong() + "/draw",
                Map.of("version", created.json().path("version").asInt()));
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(200);
        return drawn.json();
    }

    /** The tasks of a plan in an inspector's list. */
    public List<JsonNode> tasks(String inspector, long planId) {
        var r = ApiClient.loggedIn(port, inspector).get("/api/quality/inspections?scope=tasks");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(t -> {
            if (t.path("planId").asLong() == planId) {
                out.add(t);
            }
        });
        return out;
    }

    public static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
