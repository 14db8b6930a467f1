package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.HistoryPlan;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo history (hotline.demo.history, off in tests) at the demo's daily rate for one week, written into a week of
 * 2001 that no other test uses and removed afterwards: the calls have the hotline's hourly and weekly shape and agree
 * with the agents' states, the orders have the mix of a real year, a second run writes nothing, and the reports show
 * meaningful figures for the week at once.
 */
@HotlineTest
class HistorySeedTest {

    /** A Monday far before any other test's data. */
    private static final LocalDate MONDAY = LocalDate.of(2001, 3, 5);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<DemoHistory> histories;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void aWeekOfHistoryHasTheShapeOfAHotlineAndTheReportsShowIt() {
        HistoryPlan plan = HistoryPlan.of(MONDAY, MONDAY.plusDays(6), calendar.zone(), calendar::isWorkingDay,
                100_000 * 7 / 365, 30_000 * 7 / 365, 12345L);
        Timestamp from = Timestamp.from(plan.start());
        Timestamp to = Timestamp.from(plan.end());
        try {
            assertThat(run(plan)).as("rows written").isGreaterThan(plan.calls() + plan.orders());
            assertThat(run(plan)).as("a second run finds the week there and writes nothing").isZero();
            // The year is written behind the serving platform: a stop after the calls' and orders' commits but before
            // the facts' rebuild leaves records without facts, and the next start rebuilds them all the same.
            jdbc.sql("delete from rpt_call_fact where arrived_at >= ? and arrived_at < ?").params(from, to).update();
            assertThat(run(plan)).as("a start after a stop before the facts rebuilds them").isPositive();
            assertThat(count("select count(*) from rpt_call_fact where arrived_at >= ? and arrived_at < ?", from, to))
                    .isPositive()
                    .isEqualTo(count("select count(*) from rpt_source_call where arrived_at >= ? and arrived_at < ?", from, to));
            assertThat(run(plan)).as("and then writes nothing again").isZero();

            // Calls: all of them, peaks at 9–11 and 14–16 over the night, weekdays busier than the weekend.
            assertThat(count("select count(*) from cc_call where arrived_at >= ? and arrived_at < ?", from, to))
                    .isEqualTo(plan.calls());
            long morningPeak = count("""
                    select count(*) from cc_call where arrived_at >= ? and arrived_at < ?
                       and extract(hour from arrived_at at time zone ?) between 9 and 10""", from, to, calendar.zone().getId());
            long night = count("""
                    select count(*) from cc_call where arrived_at >= ? and arrived_at < ?
                       and extract(hour from arrived_at at time zone ?) between 2 and 3""", from, to, calendar.zone().getId());
            long lunch = count("""
                    select count(*) from cc_call where arrived_at >= ? and arrived_at < ?
                       and extract(hour from arrived_at at time zone ?) = 12""", from, to, calendar.zone().getId());
            assertThat(morningPeak).isGreaterThan(10 * night).isGreaterThan(3 * lunch);
            long weekend = count("""
                    select count(*) from cc_call where arrived_at >= ? and arrived_at < ?
                       and extract(isodow from arrived_at at time zone ?) in (6, 7)""", from, to, calendar.zone().getId());
            assertThat(weekend / 2.0).isLessThan(0.75 * (plan.calls() - weekend) / 5.0);
            // Every answered call finds its agent talking at that moment (the agents' states follow their calls).
            assertThat(count("""
                    select count(*) from cc_call c where c.id like 'H2001%' and c.answered_at is not null
                       and not exists (select 1 from cc_agent_state_log s where s.account_id = c.agent_id
                                          and s.started_at = c.answered_at and s.state = 'TALKING')""")).isZero();

            // Orders: all of them, with the mix of a year.
            assertThat(count("select count(*) from work_order where created_at >= ? and created_at < ?", from, to))
                    .isEqualTo(plan.orders());
            assertThat(count("""
                    select count(distinct w.category_id) from work_order w where w.created_at >= ? and w.created_at < ?""", from, to))
                    .isGreaterThan(15);
            assertThat(count("""
                    select count(distinct a.unit_id) from wo_assignment a join work_order w on w.id = a.work_order_id
                     where w.created_at >= ? and w.created_at < ?""", from, to)).isGreaterThan(15);

            // The reports show the week at once, each figure in a plausible range.
            JsonNode kpis = new ReportingFixture(port, jdbc, null).kpis(ApiClient.loggedIn(port, "manager"),
                    "from=" + MONDAY + "&to=" + MONDAY.plusDays(6)).path("kpis");
            assertThat(value(kpis, "answer-rate")).isBetween(88.0, 99.5);
            assertThat(value(kpis, "answer-rate-20s")).isBetween(70.0, value(kpis, "answer-rate"));
            assertThat(value(kpis, "avg-talk")).isBetween(120.0, 300.0);
            assertThat(value(kpis, "occupancy")).isBetween(20.0, 95.0);
            assertThat(value(kpis, "survey-participation")).isBetween(35.0, 55.0);
            assertThat(value(kpis, "direct-reply-rate")).isBetween(80.0, 97.0);
            assertThat(value(kpis, "dispatch-timeliness")).isBetween(94.0, 99.9);
            assertThat(value(kpis, "return-rate")).isBetween(0.5, 8.0);
            assertThat(value(kpis, "extension-rate")).isBetween(1.0, 12.0);
            assertThat(value(kpis, "sign-timeliness")).isBetween(90.0, 99.9);
            assertThat(value(kpis, "completion-on-time")).isBetween(85.0, 99.0);
            assertThat(value(kpis, "satisfaction")).isBetween(85.0, 97.0);
            assertThat(value(kpis, "reopen-rate")).isBetween(3.0, 15.0);
            assertThat(value(kpis, "callback-24h-rate")).isBetween(70.0, 99.0);
            // By day: the week's seven days, Monday busier than Sunday.
            JsonNode byDay = new ReportingFixture(port, jdbc, null).kpis(ApiClient.loggedIn(port, "manager"),
                    "from=" + MONDAY + "&to=" + MONDAY.plusDays(6) + "&groupBy=day&codes=answer-rate").path("kpis").get(0).path("groups");
            assertThat(byDay).hasSize(7);
            assertThat(byDay.get(0).path("denominator").asLong()).isGreaterThan(byDay.get(6).path("denominator").asLong());
        } finally {
            remove(from, to);
        }
    }

    private long run(HistoryPlan plan) {
        HistoryPlan done = plan;
        for (DemoHistory h : histories.stream().sorted(Comparator.comparingInt(DemoHistory::order)).toList()) {
            done = done.after(h.seedHistory(done));
        }
        return done.rowsBefore();
    }

    private static double value(JsonNode kpis, String code) {
        for (JsonNode k : kpis) {
            if (k.path("code").asString().equals(code)) {
                assertThat(k.path("denominator").asLong()).as(code + " has rows").isPositive();
                return k.path("value").asDouble();
            }
        }
        throw new AssertionError("no KPI " + code);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** The week's rows go again, facts first (no other test has data in 2001). */
    private void remove(Timestamp from, Timestamp to) {
        String orders = "(select id from work_order where created_at >= :from and created_at < :to)";
        String calls = "(select id from cc_call where id like 'H2001%')";
        Timestamp until = new Timestamp(to.getTime() + 86_400_000L);
        for (String sql : List.of(
                "delete from rpt_callback_fact where order_id in " + orders,
                // the seeded orders' deadlines lie in 2001: the timer sweep may light them red before they go, and a
                // light fact left behind has no timeline row for FactRebuildTest's rebuild to find
                "delete from rpt_light_fact where order_id in " + orders,
                "delete from rpt_assignment_decision where assignment_id in (select id from wo_assignment where work_order_id in " + orders + ")",
                "delete from rpt_assignment_fact where order_id in " + orders,
                "delete from rpt_order_fact where order_id in " + orders,
                "delete from rpt_call_fact where call_id in " + calls,
                "delete from rpt_agent_state_fact where started_at >= :from and started_at < :until",
                // a state before the week ended where a removed one started: it now ends where its next one left starts
                """
                update rpt_agent_state_fact p set ended_at = n.started_at, next_state = n.state
                  from rpt_agent_state_fact p0
                  left join lateral (select f.started_at, f.state from rpt_agent_state_fact f
                                      where f.account_id = p0.account_id and f.started_at > p0.started_at
                                      order by f.started_at limit 1) n on true
                 where p.account_id = p0.account_id and p.started_at = p0.started_at
                   and p0.ended_at >= :from and p0.ended_at < :until""",
                "delete from wo_timeline where work_order_id in " + orders,
                "delete from wo_callback where work_order_id in " + orders,
                "delete from wo_request where work_order_id in " + orders,
                "delete from wo_light where work_order_id in " + orders,
                "delete from wo_assignment where work_order_id in " + orders,
                "delete from work_order where id in " + orders,
                "delete from cc_call where id like 'H2001%'",
                "delete from cc_agent_state_log where started_at >= :from and started_at < :until")) {
            jdbc.sql(sql).param("from", from).param("to", to).param("until", until).update();
        }
    }
}
