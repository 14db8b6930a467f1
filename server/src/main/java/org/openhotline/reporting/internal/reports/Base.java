package org.openhotline.reporting.internal.reports;

/**
 * The facts a report reads, as SQL: the rows ({@code from}), the time that places a row in a period, the org-scope
 * predicate ({@code null}: the facts belong to the hotline as a whole), the agent column (below the city, call-center
 * facts are narrowed to the calls and states of the agents sitting in the scope) and the columns its records show.
 * All text here is constant; values come in as named parameters.
 */
record Base(String from, String period, String scope, String agent, String columns) {

    private static final String ORDER_SCOPE = """
            (o.region_path like :scope or exists (select 1 from rpt_assignment_fact x
                                                   where x.order_id = o.order_id and x.unit_path like :scope))""";

    /**
     * Agent state intervals: an interval ends where the agent's next state starts (kept on the row; else now), capped
     * at the period's end, and knows the next state (a ring not followed by talking is a missed ring).
     */
    static final String STATES = """
            (select account_id, state, started_at, next_state,
                    extract(epoch from least(coalesce(ended_at, :now), :to) - started_at)::float8 as seconds
               from rpt_agent_state_fact where started_at >= :from and started_at < :to)""";

    static final Base CALL = new Base("rpt_call_fact c", "c.arrived_at", null, "c.agent_id", """
            c.call_id, c.direction, c.arrived_at, c.group_id, c.agent_id, c.queued_at, c.offered_at, c.answered_at,
            c.ended_at, c.abandon_point, c.satisfaction""");

    static final Base STATE = new Base(STATES + " s", "s.started_at", null, "s.account_id",
            "s.account_id as agent_id, s.state, s.started_at, s.next_state, round(s.seconds::numeric, 1) as seconds");

    /** An agent's calls and state intervals as one kind of row ({@code fact} CALL or STATE), for 坐席话务统计. */
    static final Base AGENT_ACTIVITY = new Base("""
            (select 'CALL' as fact, c.call_id, c.agent_id, c.arrived_at as at, c.direction, c.queued_at, c.answered_at,
                    c.ended_at, c.satisfaction, null::varchar as state, null::varchar as next_state, null::float8 as seconds
               from rpt_call_fact c where c.agent_id is not null
             union all
             select 'STATE', null, s.account_id, s.started_at, null, null, null, null, null, s.state, s.next_state, s.seconds
               from %s s) x""".formatted(STATES), "x.at", null, "x.agent_id", """
            x.fact, x.call_id, x.agent_id, x.at, x.direction, x.answered_at, x.ended_at, x.satisfaction, x.state,
            x.next_state, round(x.seconds::numeric, 1) as seconds""");

    static final Base ORDER = new Base("rpt_order_fact o", "o.created_at", ORDER_SCOPE, null, """
            o.order_id, o.number, o.channel, o.appeal_type, o.category_id, o.created_at, o.direct_reply_at,
            o.first_dispatched_at, o.closed_at, o.reopen_count, o.urge_count, o.difficult_at, o.supervised_at""");

    static final Base ASSIGNMENT = new Base("rpt_assignment_fact a join rpt_order_fact o on o.order_id = a.order_id",
            "a.assigned_at", "(a.unit_path like :scope or o.region_path like :scope)", null, """
            a.assignment_id, a.order_id, o.number, a.unit_id, a.role, a.assigned_at, a.sign_due_at, a.signed_at,
            a.handle_due_at, a.replied_at,
            (select count(*) from rpt_assignment_decision r
              where r.assignment_id = a.assignment_id and r.kind = 'EXTENSION_APPROVED') as extensions,
            (select string_agg(r.reason, '；' order by r.at) from rpt_assignment_decision r
              where r.assignment_id = a.assignment_id and r.kind = 'RETURN_APPROVED') as return_reason""");

    static final Base CALLBACK = new Base("rpt_callback_fact b join rpt_order_fact o on o.order_id = b.order_id",
            "b.at", ORDER_SCOPE, null, "b.order_id, o.number, b.at, b.resolved, b.satisfaction");

    static final Base LIGHT = new Base("rpt_light_fact l join rpt_order_fact o on o.order_id = l.order_id",
            "l.at", ORDER_SCOPE, null, "l.order_id, o.number, l.stage, l.light, l.at as light_at");

    /** Online chats (在线客服), one row per chat, placed by the time it was offered to the ACD. */
    static final Base CHAT = new Base("rpt_chat_fact h", "h.offered_at", null, "h.agent_id",
            "h.chat_id, h.source, h.group_id, h.agent_id, h.offered_at, h.answered_at, h.abandoned_at, h.ended_at, h.messages, h.order_id, h.rating");

    static final Base VOICEMAIL = new Base("rpt_voicemail_fact v", "v.left_at", null, null,
            "v.voicemail_id, v.call_id, v.group_id, v.left_at, v.seconds, v.handled_at");
}
