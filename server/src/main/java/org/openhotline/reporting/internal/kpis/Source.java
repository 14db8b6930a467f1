package org.openhotline.reporting.internal.kpis;

/**
 * The facts a KPI counts, as SQL (a state is counted in the period it starts in, up to its end kept on the row — the next
 * state's start — or now, capped at the period's end): the rows ({@code from}), the time that places a row in a period, the data-scope
 * predicate (null: call-center facts belong to the hotline as a whole) and the columns a drill-down shows.
 */
public enum Source {
    CALL("rpt_call_fact c", "c.arrived_at", null, "c.agent_id",
            "c.call_id, c.arrived_at, c.agent_id, c.group_id, c.queued_at, c.answered_at, c.ended_at, c.abandon_point, c.satisfaction"),
    // seconds as exact numeric (not float8): the daily rollups (KpiRollups) add up the same seconds to the same figure
    STATE("""
            (select account_id, state, started_at,
                    extract(epoch from least(coalesce(ended_at, :now), :to) - started_at) as seconds
               from rpt_agent_state_fact where started_at >= :from and started_at < :to) s""", "s.started_at", null, "s.account_id",
            "s.account_id as agent_id, s.state, s.started_at, round(s.seconds::numeric, 1) as seconds"),
    ORDER("rpt_order_fact o", "o.created_at", Source.ORDER_SCOPE, null,
            "o.order_id, o.number, o.channel, o.appeal_type, o.created_at, o.direct_reply_at, o.first_dispatched_at, o.closed_at"),
    ASSIGNMENT("rpt_assignment_fact a join rpt_order_fact o on o.order_id = a.order_id", "a.assigned_at",
            "(a.unit_path like :scope or o.region_path like :scope)", null,
            "a.assignment_id, a.order_id, o.number, a.unit_id, a.role, a.assigned_at, a.sign_due_at, a.signed_at, a.handle_due_at, a.replied_at"),
    CALLBACK("rpt_callback_fact b join rpt_order_fact o on o.order_id = b.order_id", "b.at", Source.ORDER_SCOPE, null,
            "b.order_id, o.number, b.at, b.resolved, b.satisfaction"),
    /** Knowledge error reports and when their fixes were published (知识库更新及时率). */
    KNOWLEDGE("rpt_kb_fix_fact k", "k.reported_at", null, null,
            "k.report_id, k.article_id, k.status, k.reported_at, k.fixed_at"),
    /** QC results (质检), placed in the period by the time of their (latest) score. */
    QC("rpt_qc_fact q", "q.scored_at", null, "q.agent_id",
            "q.inspection_id, q.call_id, q.order_id, q.agent_id, q.score, q.fatal, q.scored_at"),
    /**
     * Closed days of adherence, each as four time rows so that a time share counts them: on the phones inside the shift
     * or not, signed in or not (signed-in time counted at most as scheduled).
     */
    ADHERENCE("""
            (select f.account_id, f.day_start, m.measure, m.seconds::float8 as seconds
               from rpt_adherence_fact f
              cross join lateral (values ('ADHERING', f.adhering_s), ('NOT_ADHERING', f.scheduled_s - f.adhering_s),
                                         ('SIGNED_IN', least(f.signed_in_s, f.scheduled_s)),
                                         ('NOT_SIGNED_IN', f.scheduled_s - least(f.signed_in_s, f.scheduled_s))) m(measure, seconds)
              where f.day_start >= :from and f.day_start < :to) w""", "w.day_start", null, "w.account_id",
            "w.account_id as agent_id, w.day_start, w.measure"),
    NONE(null, null, null, null, null);

    private static final String ORDER_SCOPE = """
            (o.region_path like :scope or exists (select 1 from rpt_assignment_fact x
                                                   where x.order_id = o.order_id and x.unit_path like :scope))""";

    final String from;
    final String period;
    final String scope;
    final String agent;
    final String columns;

    Source(String from, String period, String scope, String agent, String columns) {
        this.from = from;
        this.period = period;
        this.scope = scope;
        this.agent = agent;
        this.columns = columns;
    }

    /** The group key of {@code d} as SQL over this source, or null when the facts do not have it. */
    String key(Dimension d, String period) {
        return switch (d) {
            case DAY -> "to_char(" + period + " at time zone :tz, 'YYYY-MM-DD')";
            case WEEK -> "to_char(date_trunc('week', " + period + " at time zone :tz), 'YYYY-MM-DD')";
            case MONTH -> "to_char(" + period + " at time zone :tz, 'YYYY-MM')";
            case AGENT -> agent == null ? null : agent + "::text";
            case GROUP -> this == CALL ? "c.group_id::text" : null;
            case UNIT -> this == ASSIGNMENT ? "a.unit_id::text" : null;
            case REGION -> orderBased() ? "nullif(split_part(o.region_path, '/', 4), '')" : null;
            case CATEGORY -> orderBased() ? "o.category_id::text" : null;
            case CHANNEL -> orderBased() ? "o.channel" : null;
            // the team the agent was in at the row's time, by name (the name is the group's label)
            case TEAM -> agent == null ? null : "(select t.team_name from rpt_team_membership t where t.account_id = " + agent
                    + " and " + memberAt("t", period) + " order by t.valid_from desc limit 1)";
        };
    }

    /** The membership stretch {@code t} covers the moment {@code period} (班组 history, rpt_team_membership). */
    static String memberAt(String t, String period) {
        return t + ".valid_from <= " + period + " and (" + t + ".valid_to is null or " + period + " < " + t + ".valid_to)";
    }

    /** The data-scope predicate over {@code o} (order facts) with the parameter {@code :scope}, for other order reports. */
    public static String orderScope() {
        return ORDER_SCOPE;
    }

    /**
     * Over a callback {@code b} of an order {@code o}: the grade the KPI {@code satisfaction} counts it with (a
     * regrade on an upheld appeal, 改判, else its own) and whether an upheld appeal took it out of that KPI — for other
     * callback reports that must agree with the KPI.
     */
    public static String callbackGrade() {
        return "coalesce(" + Exclusions.REGRADE + ", b.satisfaction)";
    }

    public static String callbackExcludedFromSatisfaction() {
        return "'satisfaction' = any(o.excluded_kpis)";
    }

    boolean orderBased() {
        return this == ORDER || this == ASSIGNMENT || this == CALLBACK;
    }
}
