package org.openhotline.reporting.internal.kpis;

import static org.openhotline.reporting.internal.kpis.Formula.average;
import static org.openhotline.reporting.internal.kpis.Formula.ratio;

import org.openhotline.shared.DomainException;

/**
 * The formula behind each KPI code (DOMAIN.md "KPIs"); {@code rpt_kpi} says the same in words and holds what a
 * manager may tune (thresholds, grades, targets).
 */
final class Formulas {

    private Formulas() {}

    /** Calls the system gave to the agents (entered an agent queue): 系统分配给人工座席的话务量. */
    private static final String OFFERED = "c.direction = 'INBOUND' and c.queued_at is not null";
    private static final String ANSWERED = "c.direction = 'INBOUND' and c.answered_at is not null";
    private static final String CONSULTATION = "o.appeal_type = 'CONSULTATION'";
    private static final String DISPATCHES = "a.role in ('MAIN', 'ASSIST')";
    // What a formula needs of other fact rows is kept on the row itself (V202612060200, OrderKpiColumns): a page of
    // KPIs is one scan per source, not a sub-select per counted row.
    private static final String RETURNED = "a.return_approved";
    private static final String EXTENDED = "a.extension_approved";
    private static final String CALLED_BACK = "o.first_callback_at is not null";
    private static final String MAIN_REPLY = "o.main_reply_at";
    private static final String ORDER_QC = "q.call_id is null and q.order_id is not null";
    private static final String BUSY = "('RINGING', 'TALKING', 'HELD', 'AFTER_CALL_WORK')";

    static Formula of(String code) {
        return switch (code) {
            case "answer-rate" -> ratio(Source.CALL, OFFERED, "c.answered_at is not null");
            case "answer-rate-20s" -> ratio(Source.CALL, OFFERED,
                    "c.answered_at is not null and c.answered_at - c.queued_at <= make_interval(secs => :threshold)");
            case "abandon-rate" -> ratio(Source.CALL, OFFERED, "c.answered_at is null and c.ended_at is not null");
            case "avg-wait" -> average(Source.CALL, OFFERED + " and c.answered_at is not null",
                    "extract(epoch from c.answered_at - c.queued_at)");
            case "avg-talk" -> average(Source.CALL, ANSWERED + " and c.ended_at is not null",
                    "extract(epoch from c.ended_at - c.answered_at)");
            case "avg-acw" -> average(Source.STATE, "s.state = 'AFTER_CALL_WORK'", "s.seconds");
            case "occupancy" -> new Formula(Source.STATE, Formula.Kind.TIME_SHARE,
                    "s.state in ('READY', 'RINGING', 'TALKING', 'HELD', 'AFTER_CALL_WORK')", "s.state in " + BUSY,
                    "s.seconds", null);
            case "survey-participation" -> ratio(Source.CALL, ANSWERED, "c.satisfaction is not null");
            case "agent-satisfaction" -> ratio(Source.CALL, "c.direction = 'INBOUND' and c.satisfaction is not null",
                    "c.satisfaction::text in (:grades)");
            // 质检率: answered calls with a QC result (quality's InspectionScored → rpt_qc_fact)
            case "qc-coverage" -> ratio(Source.CALL, ANSWERED, "c.inspected");
            // 工单填写准确率 / 一次派单准确率 (002 ≥ 95 %): work-order QC results whose item kept all its points
            case "order-entry-accuracy" -> ratio(Source.QC, ORDER_QC, "not ('content' = any(q.lost_items))");
            // … and an upheld MISDIRECTED appeal on the order proves its dispatch wrong (issue 18)
            case "first-dispatch-accuracy" -> ratio(Source.QC, ORDER_QC,
                    "not ('dispatch' = any(q.lost_items)) and not " + Exclusions.ORDER_MISDIRECTED);
            // 排班遵从度 / 出勤符合度 (现场管理): workforce's closed days (AgentDayClosed → rpt_adherence_fact)
            case "schedule-adherence" -> new Formula(Source.ADHERENCE, Formula.Kind.TIME_SHARE,
                    "w.measure in ('ADHERING', 'NOT_ADHERING')", "w.measure = 'ADHERING'", "w.seconds", null);
            case "schedule-conformance" -> new Formula(Source.ADHERENCE, Formula.Kind.TIME_SHARE,
                    "w.measure in ('SIGNED_IN', 'NOT_SIGNED_IN')", "w.measure = 'SIGNED_IN'", "w.seconds", null);
            case "direct-reply-rate" -> ratio(Source.ORDER, CONSULTATION, "o.direct_reply_at is not null");
            case "first-contact-resolution" -> ratio(Source.ORDER, CONSULTATION,
                    "(o.direct_reply_at is not null or (o.closed_at is not null and o.reopen_count = 0 and o.urge_count = 0))");
            case "dispatch-timeliness" -> ratio(Source.ORDER, "o.first_dispatched_at is not null",
                    "o.first_dispatched_at - o.created_at <= make_interval(secs => :threshold)");
            case "callback-rate" -> ratio(Source.ORDER, "o.closed_at is not null and o.first_dispatched_at is not null",
                    CALLED_BACK).byPeriod("o.closed_at");
            // the first callback within the threshold after the main unit's reply
            case "callback-24h-rate" -> ratio(Source.ORDER, MAIN_REPLY + " is not null",
                    "o.first_callback_at <= " + MAIN_REPLY + " + make_interval(secs => :threshold)");
            case "online-response-rate" -> ratio(Source.ORDER, "o.channel in ('WECHAT', 'WEB', 'APP', 'SMS', 'EMAIL', 'CHAT')", """
                    least(o.direct_reply_at, o.first_signed_at) - o.created_at <= make_interval(secs => :threshold)""");
            case "reopen-rate" -> ratio(Source.ORDER, CALLED_BACK, "o.reopen_count > 0");
            // wrongly dispatched: returned (approved), or judged not the unit's duty on its upheld MISDIRECTED appeal
            case "dispatch-accuracy" -> ratio(Source.ASSIGNMENT, DISPATCHES, "not " + RETURNED + " and not " + Exclusions.MISDIRECTED);
            case "return-rate" -> ratio(Source.ASSIGNMENT, DISPATCHES, RETURNED);
            // 及时退单率 (004): of the approved returns, those the unit asked for within its sign-for time limit
            case "return-timeliness" -> ratio(Source.ASSIGNMENT, DISPATCHES + " and " + RETURNED,
                    "a.return_requested_at <= a.sign_due_at");
            case "extension-rate" -> ratio(Source.ASSIGNMENT, DISPATCHES, EXTENDED);
            case "sign-timeliness" -> ratio(Source.ASSIGNMENT,
                    DISPATCHES + " and not " + RETURNED + " and (a.signed_at is not null or a.sign_due_at < :now)",
                    "a.signed_at <= a.sign_due_at");
            case "completion-on-time" -> ratio(Source.ASSIGNMENT,
                    DISPATCHES + " and not " + RETURNED + " and (a.replied_at is not null or a.handle_due_at < :now)",
                    "a.replied_at <= a.handle_due_at");
            // a dissatisfied callback regraded on an upheld appeal (改判) counts with the decided grade
            case "satisfaction" -> ratio(Source.CALLBACK, "true", "coalesce(" + Exclusions.REGRADE + ", b.satisfaction) in (:grades)");
            case "staff-turnover" -> ratio(Source.NONE, "false", "false");
            // 003: a reported error is fixed (its revision published) within 24 h; rejected reports do not count
            case "knowledge-update-timeliness" -> ratio(Source.KNOWLEDGE,
                    "k.status <> 'REJECTED' and (k.fixed_at is not null or k.reported_at + make_interval(secs => :threshold) < :now)",
                    "k.fixed_at <= k.reported_at + make_interval(secs => :threshold)");
            default -> throw DomainException.notFound("指标“" + code + "”还没有计算公式");
        };
    }
}
