package org.openhotline.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Facts of a test's own over the 40 days before yesterday, written as the listeners write them: calls (abandoned,
 * answered, rated, outbound, inspected; fractions of seconds), agent states of three agents of its own (two-hour
 * intervals that cross midnight, the last one still open), orders of four channels and three regions, their dispatches
 * (signed late or not at all, returned, extended, excluded, one whose sign-for deadline is still ahead), callbacks and
 * an upheld appeal's regrade. {@link #delete} takes them all away again.
 */
final class RollupFacts {

    final long base = 9_000_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L) * 1000;
    final String callPrefix = "rt" + base + "-";
    final long firstAgent = base + 500;
    final Instant start;
    private final JdbcClient jdbc;

    RollupFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.start = clock.instant().atZone(clock.getZone()).toLocalDate().minusDays(42)
                .atStartOfDay(clock.getZone()).toInstant().plusMillis(1_234);
    }

    RollupFacts write(Instant now) {
        var t0 = Timestamp.from(start);
        jdbc.sql("""
                        insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, group_id, agent_id, answered_at,
                                                   ended_at, satisfaction, inspected)
                        select :prefix || g, case when g % 9 = 0 then 'OUTBOUND' else 'INBOUND' end, t,
                               case when g % 7 = 0 then null else t + interval '3.25 seconds' end,
                               case when g % 7 = 0 then null else 900000 + g % 3 end,
                               case when g % 5 = 0 or g % 7 = 0 then null else :agent + g % 3 end,
                               case when g % 5 = 0 or g % 7 = 0 then null else t + make_interval(secs => 3.375 + g % 40) end,
                               t + make_interval(secs => 200.333 + g % 300),
                               case when g % 5 = 0 or g % 7 = 0 or g % 4 = 0 then null else 1 + g % 3 end,
                               g % 6 = 0
                          from generate_series(1, 260) g, lateral (select cast(:t0 as timestamptz) + g * interval '13001.3 seconds' as t) x""")
                .param("prefix", callPrefix).param("agent", firstAgent).param("t0", t0).update();
        jdbc.sql("""
                        insert into rpt_agent_state_fact (account_id, started_at, state, ended_at, next_state)
                        select a, t, st, lead(t) over w, lead(st) over w from (
                          select a, cast(:t0 as timestamptz) + g * interval '7213.5 seconds' + (a - :agent) * interval '11 minutes' as t,
                                 (array['READY', 'TALKING', 'AFTER_CALL_WORK', 'HELD', 'RINGING', 'BREAK'])[1 + g % 6] as st
                            from generate_series(:agent, :agent + 2) a, generate_series(0, 470) g) x
                        window w as (partition by a order by t)""")
                .param("agent", firstAgent).param("t0", t0).update();
        jdbc.sql("""
                        insert into rpt_order_fact (order_id, number, channel, appeal_type, created_at, direct_reply_at,
                               first_dispatched_at, closed_at, reopen_count, urge_count, region_path, main_reply_at,
                               first_signed_at, first_callback_at, excluded_kpis)
                        select :base + g, 'RT' || g, (array['PHONE', 'WECHAT', 'WEB', 'APP'])[1 + g % 4],
                               (array['CONSULTATION', 'COMPLAINT', 'HELP'])[1 + g % 3], t,
                               case when g % 6 = 0 then t + interval '300 seconds' end,
                               case when g % 6 <> 0 then t + make_interval(secs => 600.5 + g * 977 % 100000) end,
                               case when g % 6 <> 0 and g % 4 <> 1 then t + interval '3 days' end,
                               (g % 11 = 0)::int, (g % 13 = 0)::int, '/rt/city/d' || g % 3 || '/',
                               case when g % 6 <> 0 and g % 4 <> 1 then t + interval '2 days' end,
                               case when g % 6 <> 0 then t + interval '1 hour' end,
                               case when g % 6 <> 0 and g % 4 <> 1 and g % 5 <> 0 then t + interval '3 days 1 hour' end,
                               case when g % 17 = 0 then '{satisfaction,callback-rate}' else '{}' end::varchar[]
                          from generate_series(1, 120) g, lateral (select cast(:t0 as timestamptz) + g * interval '28001.7 seconds' as t) x""")
                .param("base", base).param("t0", t0).update();
        jdbc.sql("""
                        insert into rpt_assignment_fact (assignment_id, order_id, unit_id, unit_path, role, assigned_at,
                               sign_due_at, handle_due_at, signed_at, replied_at, return_approved, extension_approved,
                               return_requested_at, excluded_kpis)
                        select :base + g, o.order_id, 800 + g % 5, '/rt/u' || g % 5 || '/', case when g % 8 = 0 then 'ASSIST' else 'MAIN' end,
                               d, d + interval '1 day', d + interval '5 days',
                               case when g % 7 <> 3 then d + make_interval(secs => g * 1733 % 150000) end,
                               case when g % 5 <> 2 then d + make_interval(secs => g * 5003 % 600000) end,
                               g % 19 = 0, g % 23 = 0, case when g % 19 = 0 then d + interval '2 hours' end,
                               case when g % 29 = 0 then '{completion-on-time}' else '{}' end::varchar[]
                          from generate_series(1, 120) g join rpt_order_fact o on o.order_id = :base + g,
                               lateral (select o.first_dispatched_at as d) x
                         where o.first_dispatched_at is not null""")
                .param("base", base).update();
        // a dispatch of three days ago whose sign-for deadline is still two days ahead
        jdbc.sql("""
                        insert into rpt_assignment_fact (assignment_id, order_id, unit_id, unit_path, role, assigned_at,
                                                         sign_due_at, handle_due_at)
                        values (:id, :order, 801, '/rt/u1/', 'MAIN', :at, :due, :due)""")
                .param("id", base + 999).param("order", base + 1).param("at", Timestamp.from(now.minus(Duration.ofDays(3))))
                .param("due", Timestamp.from(now.plus(Duration.ofDays(2)))).update();
        jdbc.sql("""
                        insert into rpt_callback_fact (order_id, at, resolved, satisfaction)
                        select o.order_id, o.first_callback_at, o.order_id % 2 = 0,
                               (array['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'])[1 + o.order_id % 3]
                          from rpt_order_fact o where o.order_id between :base and :base + 999 and o.first_callback_at is not null""")
                .param("base", base).update();
        jdbc.sql("""
                        select b.order_id from rpt_callback_fact b
                         where b.order_id between ? and ? and b.satisfaction = 'DISSATISFIED' order by 1 limit 1""")
                .params(base, base + 999).query(Long.class).optional().ifPresent(this::regrade);
        return this;
    }

    /** An upheld appeal regrades the order's dissatisfied callback to 满意 (改判), as KpiExclusions writes it. */
    void regrade(long order) {
        jdbc.sql("""
                        insert into rpt_exclusion (appeal_id, order_id, unit_id, kpi_code, reason, at, kind, regrade)
                        select :order, :order, 0, 'satisfaction', '回访误判', b.at + interval '1 day', 'DISSATISFIED_CALLBACK', 'SATISFIED'
                          from rpt_callback_fact b where b.order_id = :order limit 1
                        on conflict do nothing""")
                .param("order", order).update();
    }

    void delete() {
        jdbc.sql("delete from rpt_exclusion where appeal_id between ? and ?").params(base, base + 999).update();
        jdbc.sql("delete from rpt_callback_fact where order_id between ? and ?").params(base, base + 999).update();
        jdbc.sql("delete from rpt_assignment_fact where assignment_id between ? and ?").params(base, base + 999).update();
        jdbc.sql("delete from rpt_order_fact where order_id between ? and ?").params(base, base + 999).update();
        jdbc.sql("delete from rpt_agent_state_fact where account_id between ? and ?").params(firstAgent, firstAgent + 2).update();
        jdbc.sql("delete from rpt_call_fact where call_id like ?").param(callPrefix + "%").update();
    }
}
