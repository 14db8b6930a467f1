package org.openhotline.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.AgentStateRecorded;
import org.openhotline.reporting.ReportingFixture;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workforce through its API: the staffing calculator answers the published Erlang C example and refuses bad input in
 * Chinese; a generated roster refuses a manual edit that leaves less than 11 hours of rest and a stale version, and
 * once published the agent sees its shift; adherence of a scripted day of agent states, live at 10:00 and at the
 * day's end.
 */
@HotlineTest
class WorkforceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    private Long roster;

    @AfterEach
    void cleanUp() {
        clock.reset();
        if (roster != null) {
            jdbc.sql("delete from wf_roster where id = ?").param(roster).update();
        }
    }

    private long idOf(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void staffingAnswersTheErlangCExampleAndRefusesBadInput() {
        var manager = ApiClient.loggedIn(port, "manager");
        var answer = manager.get("/api/workforce/staffing?callsPerHalfHour=100&ahtSeconds=180&answerWithinSeconds=20&serviceLevel=0.8");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("agents").asInt()).isEqualTo(14);
        assertThat(answer.json().path("serviceLevel").asDouble()).isEqualTo(0.8884);
        assertThat(answer.json().path("occupancy").asDouble()).isEqualTo(0.7143);
        assertThat(answer.json().path("averageWait").asDouble()).isEqualTo(7.8359);
        var patient = manager.get("/api/workforce/staffing?callsPerHalfHour=300&ahtSeconds=240&patienceSeconds=60&maxOccupancy=1");
        assertThat(patient.json().path("model").asString()).isEqualTo("ERLANG_A");
        assertThat(patient.json().path("agents").asInt()).isLessThan(
                manager.get("/api/workforce/staffing?callsPerHalfHour=300&ahtSeconds=240&maxOccupancy=1").json().path("agents").asInt());
        var bad = manager.get("/api/workforce/staffing?callsPerHalfHour=100&ahtSeconds=180&serviceLevel=88");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.detail()).contains("服务水平");
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/workforce/staffing?callsPerHalfHour=1&ahtSeconds=1").status())
                .isEqualTo(403);
    }

    @Test
    void manualEditsAreCheckedAgainstTheRulesAndPublishedShiftsReachTheAgent() {
        var manager = ApiClient.loggedIn(port, "manager");
        // the screen's way: a background job, polled until it has saved the roster
        var job = manager.post("/api/workforce/roster-jobs", Map.of("month", "2031-02"));
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        assertThat(job.json().path("status").asString()).isEqualTo("RUNNING");
        long jobId = job.json().path("id").asLong();
        var done = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> manager.get("/api/workforce/roster-jobs/" + jobId).json(), j -> !j.path("status").asString().equals("RUNNING"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("bestScore").asString()).contains("hard");
        roster = done.path("rosterId").asLong();
        long agent = idOf("agent3");
        var view = manager.get("/api/workforce/rosters/" + roster).json();
        int version = view.path("version").asInt();
        // clear the agent's first days, then 晚班 on the 2nd and 早班 on the 3rd: 8 hours of rest
        for (int d = 1; d <= 3; d++) {
            var cleared = manager.put("/api/workforce/rosters/" + roster + "/cells", Map.of("accountId", agent,
                    "day", "2031-02-0" + d, "shiftCode", "", "version", version));
            assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
            version = cleared.json().path("version").asInt();
        }
        var late = manager.put("/api/workforce/rosters/" + roster + "/cells",
                Map.of("accountId", agent, "day", "2031-02-02", "shiftCode", "E", "version", version));
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        version = late.json().path("version").asInt();
        var early = manager.put("/api/workforce/rosters/" + roster + "/cells",
                Map.of("accountId", agent, "day", "2031-02-03", "shiftCode", "A", "version", version));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.detail()).contains("休息不足 11 小时");
        var stale = manager.put("/api/workforce/rosters/" + roster + "/cells",
                Map.of("accountId", agent, "day", "2031-02-03", "shiftCode", "M", "version", version - 1));
        assertThat(stale.status()).isEqualTo(409);
        var published = manager.post("/api/workforce/rosters/" + roster + "/publish", Map.of("version", version));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        var mine = ApiClient.loggedIn(port, "agent3").get("/api/workforce/my-shifts?from=2031-02-01&to=2031-02-05");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(StreamSupport.stream(mine.json().spliterator(), false)
                .anyMatch(s -> s.path("day").asString().equals("2031-02-02") && s.path("name").asString().equals("晚班"))).isTrue();
        // the desk's card at noon that day: 晚班 today, its first break at 18:00
        clock.freezeAt(LocalDate.of(2031, 2, 2).atTime(12, 0).atZone(clock.getZone()).toInstant());
        var day = ApiClient.loggedIn(port, "agent3").get("/api/workforce/my-day");
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        assertThat(day.json().path("current").path("name").asString()).isEqualTo("晚班");
        assertThat(day.json().path("breaks")).hasSize(3);
        assertThat(day.json().path("nextBreak").path("start").asString()).isEqualTo("2031-02-02T18:00:00");
        assertThat(day.json().path("nextBreak").path("label").asString()).isEqualTo("小休");
    }

    @Test
    void adherenceOfAScriptedDayLiveAndAtItsEnd() {
        LocalDate day = LocalDate.of(2020, 3, 10);
        long agent = idOf("agent7");
        long by = idOf("manager");
        roster = jdbc.sql("""
                insert into wf_roster (month, status, created_by, created_at) values (date '2020-03-01', 'PUBLISHED', ?, now())
                returning id""").param(by).query(Long.class).single();
        jdbc.sql("insert into wf_roster_shift (roster_id, account_id, day, shift_code) values (?, ?, ?, 'A')")
                .params(roster, agent, day).update();
        String[][] script = {{"08:12", "READY"}, {"09:00", "TALKING"}, {"09:30", "READY"}, {"12:00", "BREAK"},
                {"12:45", "READY"}, {"15:30", "SIGNED_OUT"}};
        tx.executeWithoutResult(s -> {
            for (String[] step : script) {
                events.publishEvent(new AgentStateRecorded(agent, AgentState.valueOf(step[1]), null, at(day, step[0])));
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from wf_state_interval where account_id = ? and started_at::date = ?")
                .params(agent, day).query(Long.class).single() == script.length);
        var leader = ApiClient.loggedIn(port, "manager");

        clock.freezeAt(at(day, "10:00"));
        var live = agentOf(leader.get("/api/workforce/adherence?day=" + day).json(), agent);
        assertThat(live.path("adherence").asDouble()).as("108 of 120 minutes").isEqualTo(0.9);
        assertThat(live.path("state").asString()).isEqualTo("READY");

        clock.reset();
        var whole = agentOf(leader.get("/api/workforce/adherence?day=" + day).json(), agent);
        assertThat(whole.path("adherence").asDouble()).as("393 of 480 minutes").isEqualTo(0.8188);
        assertThat(whole.path("conformance").asDouble()).as("438 of 480 minutes").isEqualTo(0.9125);
        Map<String, Long> kinds = new HashMap<>();
        whole.path("exceptions").forEach(e -> kinds.put(e.path("kind").asString(), e.path("minutes").asLong()));
        assertThat(kinds).containsEntry("LATE", 12L).containsEntry("LONG_BREAK", 45L).containsEntry("EARLY_LEAVE", 30L)
                .doesNotContainKey("OUTSIDE_SHIFT");
        assertThat(whole.path("scheduled").get(16).asInt()).isEqualTo(30);
        assertThat(whole.path("onPhones").get(16).asInt()).as("08:00–08:30, in from 08:12").isEqualTo(18);

        // the closed day reaches the reports: 排班遵从度 and 出勤符合度 with the same seconds
        try {
            var closed = leader.post("/api/workforce/adherence/close?day=" + day, Map.of());
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            assertThat(closed.json().path("agents").asInt()).isEqualTo(1);
            var report = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> leader.get("/api/reports/kpis?from=" + day + "&to=" + day
                            + "&codes=schedule-adherence,schedule-conformance").json(),
                            r -> ReportingFixture.kpi(r, "schedule-adherence").path("denominator").asDouble() > 0);
            var adherence = ReportingFixture.kpi(report, "schedule-adherence");
            assertThat(adherence.path("numerator").asDouble()).as("393 minutes").isEqualTo(393 * 60.0);
            assertThat(adherence.path("denominator").asDouble()).as("480 minutes").isEqualTo(480 * 60.0);
            assertThat(adherence.path("value").decimalValue()).isEqualByComparingTo("81.88");
            assertThat(ReportingFixture.kpi(report, "schedule-conformance").path("value").decimalValue()).isEqualByComparingTo("91.25");
            assertThat(ApiClient.loggedIn(port, "agent7").post("/api/workforce/adherence/close?day=" + day, Map.of()).status())
                    .isEqualTo(403);
        } finally {
            jdbc.sql("delete from wf_adherence_day where day = ?").param(day).update();
            jdbc.sql("delete from rpt_adherence_fact where day = ?").param(day).update();
            jdbc.sql("delete from wf_state_interval where account_id = ? and started_at::date = ?").params(agent, day).update();
        }
    }

    private Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(clock.getZone()).toInstant();
    }

    private static tools.jackson.databind.JsonNode agentOf(tools.jackson.databind.JsonNode day, long agent) {
        for (var a : day.path("agents")) {
            if (a.path("accountId").asLong() == agent) {
                return a;
            }
        }
        throw new AssertionError("agent " + agent + " missing in " + day);
    }
}
