package org.openhotline.reporting.internal.reports;

import static org.openhotline.reporting.internal.reports.Column.average;
import static org.openhotline.reporting.internal.reports.Column.count;
import static org.openhotline.reporting.internal.reports.Column.distinct;
import static org.openhotline.reporting.internal.reports.Column.max;
import static org.openhotline.reporting.internal.reports.Column.percent;
import static org.openhotline.reporting.internal.reports.Column.sum;

import java.util.List;
import org.openhotline.reporting.internal.kpis.Source;
import org.openhotline.reporting.internal.reports.Report.Chart;

/**
 * Work-order reports (issue 11 "Reports"). Orders are placed in a period by their creation (受理), dispatches by
 * their dispatch, callbacks and lights by their time. Rates that are also KPIs use the KPI's predicate, so that a
 * report's total equals the KPI of the same filters.
 */
final class OrderReports {

    private OrderReports() {}

    private static final String DISPATCHES = "a.role in ('MAIN', 'ASSIST')";
    private static final String RETURNED = """
            exists (select 1 from rpt_assignment_decision r where r.assignment_id = a.assignment_id and r.kind = 'RETURN_APPROVED')""";
    private static final String EXTENDED = """
            exists (select 1 from rpt_assignment_decision r where r.assignment_id = a.assignment_id and r.kind = 'EXTENSION_APPROVED')""";
    private static final String SIGN_DUE = DISPATCHES + " and not " + RETURNED
            + " and (a.signed_at is not null or a.sign_due_at < :now)";
    private static final String HANDLE_DUE = DISPATCHES + " and not " + RETURNED
            + " and (a.replied_at is not null or a.handle_due_at < :now)";
    private static final String DISPATCHED = "o.first_dispatched_at is not null";
    private static final String DISPATCH_IN_TIME = "o.first_dispatched_at - o.created_at <= make_interval(secs => :dispatchWithin)";
    private static final String CONSULTATION = "o.appeal_type = 'CONSULTATION'";
    private static final String CALLED_BACK = "exists (select 1 from rpt_callback_fact cb where cb.order_id = o.order_id)";

    private static final Column ORDERS = count("orders", "受理量", "true", "受理（登记）的工单");
    private static final Column DISPATCH_COUNT = count("dispatches", "派单数", DISPATCHES, "派给承办单位的主办、协办任务");

    static List<Report> all() {
        return List.of(intake(), dispatchTimeliness(), signTimeliness(), returns(), extensions(), overdue(), lights(),
                callbacks(), directReplies(), reopenedDifficult(), urgesSupervision());
    }

    static Report intake() {
        return new Report("order-intake", "工单受理统计", Report.ORDERS,
                "受理量按渠道、诉求类型、诉求分类、区县或受理时段统计（按受理时间计入时段）", Base.ORDER, "true", List.of(),
                List.of(Dim.CHANNEL, Dim.APPEAL_TYPE, Dim.CATEGORY, Dim.REGION, Dim.HOUR), Granularity.TOTAL,
                List.of(ORDERS, count("directReplies", "直接答复", "o.direct_reply_at is not null", "话务员直接答复、未派单"),
                        count("dispatched", "转派", DISPATCHED, "派给承办单位办理"),
                        count("closed", "已办结", "o.closed_at is not null", "已办结（回访后或不需回访办结）")),
                List.of(Filter.channel(), Filter.appealType()), new Chart("bar", List.of("orders", "directReplies", "dispatched")));
    }

    static Report dispatchTimeliness() {
        return new Report("dispatch-timeliness", "工单转派及时率", Report.ORDERS,
                "受理后在时限（指标 dispatch-timeliness 的阈值）内首次派单的工单", Base.ORDER, "true", List.of(), List.of(),
                Granularity.DAY,
                List.of(count("dispatched", "已派单", DISPATCHED, "已首次派单的工单"),
                        count("inTime", "{dispatchWithin}内派单", DISPATCHED + " and " + DISPATCH_IN_TIME, "在时限内首次派单"),
                        count("late", "超时派单", DISPATCHED + " and not (" + DISPATCH_IN_TIME + ")", "超过时限才首次派单"),
                        percent("rate", "转派及时率", DISPATCHED, DISPATCH_IN_TIME, "时限内派单 ÷ 已派单（同指标 dispatch-timeliness）"),
                        average("avgSeconds", "平均派单用时", DISPATCHED, "extract(epoch from o.first_dispatched_at - o.created_at)",
                                "受理到首次派单的平均秒数"),
                        max("maxSeconds", "最长派单用时", DISPATCHED, "extract(epoch from o.first_dispatched_at - o.created_at)",
                                "受理到首次派单的最长秒数")),
                List.of(Filter.channel(), Filter.appealType()), new Chart("line", List.of("rate")));
    }

    static Report signTimeliness() {
        return new Report("sign-timeliness", "签收及时率", Report.ORDERS,
                "承办单位在签收时限内签收的派单（按派单时间计入时段；批准退回的不计）", Base.ASSIGNMENT, "true",
                List.of(Dim.UNIT), List.of(), Granularity.TOTAL,
                List.of(DISPATCH_COUNT, count("due", "应签收", SIGN_DUE, "已签收或签收已超时、未被批准退回的派单"),
                        count("onTime", "按时签收", SIGN_DUE + " and a.signed_at <= a.sign_due_at", "在签收时限内签收"),
                        count("lateSigned", "超时签收", SIGN_DUE + " and a.signed_at > a.sign_due_at", "超过签收时限才签收"),
                        count("unsignedOverdue", "超时未签收", SIGN_DUE + " and a.signed_at is null", "签收时限已过仍未签收"),
                        percent("rate", "及时签收率", SIGN_DUE, "a.signed_at <= a.sign_due_at", "按时签收 ÷ 应签收（同指标 sign-timeliness）"),
                        average("avgSeconds", "平均签收用时", DISPATCHES + " and a.signed_at is not null",
                                "extract(epoch from a.signed_at - a.assigned_at)", "派单到签收的平均秒数")),
                List.of(), new Chart("bar", List.of("onTime", "lateSigned", "unsignedOverdue")));
    }

    static Report returns() {
        return new Report("returns", "退回统计", Report.ORDERS,
                "承办单位申请退回并获批准的派单；明细列出退回理由", Base.ASSIGNMENT, "true", List.of(Dim.UNIT), List.of(),
                Granularity.TOTAL,
                List.of(DISPATCH_COUNT, count("returned", "批准退回", DISPATCHES + " and " + RETURNED, "退回申请获批准的派单"),
                        percent("rate", "退回率", DISPATCHES, RETURNED, "批准退回 ÷ 派单数（同指标 return-rate）")),
                List.of(), new Chart("bar", List.of("dispatches", "returned")));
    }

    static Report extensions() {
        return new Report("extensions", "延期统计", Report.ORDERS, "承办单位申请延期并获批准的派单与次数", Base.ASSIGNMENT, "true",
                List.of(Dim.UNIT), List.of(), Granularity.TOTAL,
                List.of(DISPATCH_COUNT, count("extended", "延期派单", DISPATCHES + " and " + EXTENDED, "至少一次延期获批准的派单"),
                        sum("times", "延期次数", DISPATCHES + " and " + EXTENDED, """
                                (select count(*) from rpt_assignment_decision r
                                  where r.assignment_id = a.assignment_id and r.kind = 'EXTENSION_APPROVED')""",
                                "获批准的延期次数合计"),
                        percent("rate", "延期率", DISPATCHES, EXTENDED, "延期派单 ÷ 派单数（同指标 extension-rate）")),
                List.of(), new Chart("bar", List.of("dispatches", "extended")));
    }

    static Report overdue() {
        String late = "(a.replied_at is null or a.replied_at > a.handle_due_at)";
        return new Report("overdue", "超期统计", Report.ORDERS,
                "签收与办理超过时限的派单（办理时限含批准的延期；批准退回的不计）", Base.ASSIGNMENT, "true", List.of(Dim.UNIT),
                List.of(), Granularity.TOTAL,
                List.of(DISPATCH_COUNT,
                        count("signLate", "签收超期", SIGN_DUE + " and (a.signed_at is null or a.signed_at > a.sign_due_at)",
                                "超时签收或超时未签收"),
                        count("handleDue", "应办结", HANDLE_DUE, "已答复或办理已超时的派单"),
                        count("handleLate", "办理超期", HANDLE_DUE + " and " + late, "超过办理时限才答复或仍未答复"),
                        count("openOverdue", "超期未办结", HANDLE_DUE + " and a.replied_at is null", "办理时限已过仍未答复"),
                        percent("rate", "办理超期率", HANDLE_DUE, late, "办理超期 ÷ 应办结（即 1 − 指标 completion-on-time）")),
                List.of(), new Chart("bar", List.of("signLate", "handleLate", "openOverdue")));
    }

    static Report lights() {
        return new Report("lights", "亮灯统计", Report.ORDERS,
                "工单在派单、签收、办理、回访环节亮起的黄灯（即将到期）与红灯（已超时），按亮灯时间计入时段", Base.LIGHT, "true",
                List.of(Dim.STAGE), List.of(), Granularity.TOTAL,
                List.of(count("yellow", "黄灯", "l.light = 'YELLOW'", "亮起黄灯的次数"),
                        count("red", "红灯", "l.light = 'RED'", "亮起红灯的次数"),
                        distinct("orders", "亮灯工单", "true", "l.order_id", "亮过灯的工单数（去重，无明细）"),
                        distinct("redOrders", "红灯工单", "l.light = 'RED'", "l.order_id", "亮过红灯的工单数（去重，无明细）")),
                List.of(Filter.channel(), Filter.appealType()), new Chart("bar", List.of("yellow", "red")));
    }

    static Report callbacks() {
        // the grades and the rate as the KPI satisfaction counts them: an upheld appeal's regrade (改判) counts with the
        // decided grade, a callback it took out of the KPI (剔除) is not graded here either
        String graded = "not " + Source.callbackExcludedFromSatisfaction();
        String grade = Source.callbackGrade();
        return new Report("callbacks", "回访与满意度", Report.ORDERS,
                "回访结果：是否解决，满意、基本满意、不满意（按回访时间计入时段；申诉改判的按改判结果，申诉剔除的不计满意度）",
                Base.CALLBACK, "true", List.of(), List.of(),
                Granularity.DAY,
                List.of(count("callbacks", "回访数", "true", "回访记录"),
                        count("resolved", "已解决", "b.resolved", "群众认为已解决"),
                        percent("resolvedRate", "解决率", "true", "b.resolved", "已解决 ÷ 回访数"),
                        count("satisfied", "满意", graded + " and " + grade + " = 'SATISFIED'", "评价满意（含申诉改判为满意）"),
                        count("basicallySatisfied", "基本满意", graded + " and " + grade + " = 'BASICALLY_SATISFIED'",
                                "评价基本满意（含申诉改判为基本满意）"),
                        count("dissatisfied", "不满意", graded + " and " + grade + " = 'DISSATISFIED'", "评价不满意（申诉成立的不计）"),
                        count("excluded", "申诉剔除", Source.callbackExcludedFromSatisfaction(), "申诉成立、不计入满意率的回访"),
                        percent("satisfactionRate", "满意率", graded, grade + " in (:orderGrades)",
                                "评价为计入等级 ÷ 未剔除的回访数（同指标 satisfaction）")),
                List.of(Filter.channel(), Filter.appealType()), new Chart("bar", List.of("satisfied", "basicallySatisfied", "dissatisfied")));
    }

    static Report directReplies() {
        return new Report("direct-replies", "直接答复统计", Report.ORDERS,
                "话务员直接答复、不需派单的工单（按受理时间计入时段）", Base.ORDER, "true", List.of(), List.of(), Granularity.DAY,
                List.of(ORDERS, count("consultations", "咨询件", CONSULTATION, "诉求类型为咨询"),
                        count("consultationsDirect", "咨询件直接答复", CONSULTATION + " and o.direct_reply_at is not null",
                                "直接答复的咨询件"),
                        percent("rate", "直接答复率", CONSULTATION, "o.direct_reply_at is not null",
                                "咨询件直接答复 ÷ 咨询件（同指标 direct-reply-rate）"),
                        count("direct", "全部直接答复", "o.direct_reply_at is not null", "各类诉求中直接答复的工单"),
                        percent("directShare", "直接答复占比", "true", "o.direct_reply_at is not null", "全部直接答复 ÷ 受理量")),
                List.of(Filter.channel()), new Chart("line", List.of("rate", "directShare")));
    }

    static Report reopenedDifficult() {
        return new Report("reopened-difficult", "重办与疑难工单", Report.ORDERS,
                "回访不满意重办的工单与转为疑难的工单（按受理时间计入时段）", Base.ORDER, "true", List.of(), List.of(),
                Granularity.DAY,
                List.of(ORDERS, count("calledBack", "已回访", CALLED_BACK, "有回访记录的工单"),
                        count("reopened", "重办工单", "o.reopen_count > 0", "回访不满意而重办过的工单"),
                        sum("reopenTimes", "重办次数", "o.reopen_count > 0", "o.reopen_count", "不满意重办的次数合计"),
                        percent("reopenRate", "重办率", CALLED_BACK, "o.reopen_count > 0", "重办工单 ÷ 已回访（同指标 reopen-rate）"),
                        count("difficult", "疑难工单", "o.difficult_at is not null", "送疑难或两次不满意转疑难的工单")),
                List.of(Filter.channel(), Filter.appealType()), new Chart("bar", List.of("reopened", "difficult")));
    }

    static Report urgesSupervision() {
        return new Report("urges-supervision", "催办与督办", Report.ORDERS,
                "群众催单与督办（按受理时间计入时段）", Base.ORDER, "true", List.of(), List.of(), Granularity.DAY,
                List.of(ORDERS, count("urged", "被催办工单", "o.urge_count > 0", "群众催过单的工单"),
                        sum("urgeTimes", "催办次数", "o.urge_count > 0", "o.urge_count", "催单次数合计"),
                        percent("urgedRate", "催办率", "true", "o.urge_count > 0", "被催办工单 ÷ 受理量"),
                        count("supervised", "督办工单", "o.supervised_at is not null", "被督办（含回访未接通转督办）的工单")),
                List.of(Filter.channel(), Filter.appealType()), new Chart("bar", List.of("urged", "supervised")));
    }
}
