package org.openhotline.reporting.internal.reports;

import static org.openhotline.reporting.internal.reports.Column.average;
import static org.openhotline.reporting.internal.reports.Column.count;
import static org.openhotline.reporting.internal.reports.Column.distinct;
import static org.openhotline.reporting.internal.reports.Column.max;
import static org.openhotline.reporting.internal.reports.Column.percent;
import static org.openhotline.reporting.internal.reports.Column.seconds;
import static org.openhotline.reporting.internal.reports.Column.secondsShare;

import java.util.List;
import org.openhotline.reporting.internal.reports.Report.Chart;

/**
 * The ten call reports of seed 004 (报表统计: 每日运营情况 … 未接来电统计). The calls "given to the agents" are the
 * inbound calls that entered an agent queue, as in the KPIs {@code answer-rate} and {@code abandon-rate}; the
 * threshold of "answered within N s" and the survey grades counted as satisfied come from {@code rpt_kpi}
 * ({@code answer-rate-20s}, {@code agent-satisfaction}).
 */
final class CallReports {

    private CallReports() {}

    private static final String IN = "c.direction = 'INBOUND'";
    private static final String OUT = "c.direction = 'OUTBOUND'";
    private static final String OFFERED = IN + " and c.queued_at is not null";
    private static final String ANSWERED = OFFERED + " and c.answered_at is not null";
    private static final String IN_TIME = "c.answered_at - c.queued_at <= make_interval(secs => :answerWithin)";
    private static final String ABANDONED = OFFERED + " and c.answered_at is null and c.ended_at is not null";
    private static final String IVR_ONLY = IN + " and c.queued_at is null and c.ended_at is not null";
    private static final String TALKED = ANSWERED + " and c.ended_at is not null";
    private static final String RATED = ANSWERED + " and c.satisfaction is not null";
    private static final String SATISFIED = "c.satisfaction::text in (:callGrades)";
    private static final String WAIT = "extract(epoch from c.answered_at - c.queued_at)";
    private static final String TALK = "extract(epoch from c.ended_at - c.answered_at)";
    private static final String ABANDON_WAIT = "extract(epoch from c.ended_at - c.queued_at)";

    private static final Column INBOUND = count("inbound", "来电总数", IN, "呼入的来电");
    private static final Column IVR = count("ivrOnly", "语音导航结束", IVR_ONLY, "在语音导航中结束（自助服务或挂机）、未转人工的来电");
    private static final Column OFFER = count("offered", "转人工", OFFERED, "进入人工排队的来电（分配给人工座席的话务量）");
    private static final Column ANSWER = count("answered", "人工接听", ANSWERED, "转人工后被坐席接听的来电");
    private static final Column ANSWER_RATE = percent("answerRate", "人工接通率", OFFERED, "c.answered_at is not null",
            "人工接听 ÷ 转人工（同指标 answer-rate）");
    private static final Column WITHIN = count("within", "{answerWithin}内接听", ANSWERED + " and " + IN_TIME,
            "进入排队后在阈值内被接听的来电（阈值见指标 answer-rate-20s）");
    private static final Column WITHIN_RATE = percent("withinRate", "{answerWithin}接通率", OFFERED,
            "c.answered_at is not null and " + IN_TIME, "阈值内接听 ÷ 转人工（同指标 answer-rate-20s）");
    private static final Column ABANDON = count("abandoned", "放弃", ABANDONED, "转人工后在排队或振铃中结束、无人接听的来电");
    private static final Column ABANDON_RATE = percent("abandonRate", "呼损率", OFFERED,
            "c.answered_at is null and c.ended_at is not null", "放弃 ÷ 转人工（同指标 abandon-rate）");
    private static final Column QUEUE_ABANDON = count("queueAbandoned", "排队中放弃", ABANDONED + " and c.abandon_point = 'QUEUE'",
            "来电者在排队中挂机");
    private static final Column RING_ABANDON = count("ringAbandoned", "振铃中放弃", ABANDONED + " and c.abandon_point = 'RINGING'",
            "坐席振铃时来电者挂机");
    private static final Column AVG_WAIT = average("avgWait", "平均排队时长", ANSWERED, WAIT, "已接听来电从进入排队到接听的平均秒数");
    private static final Column AVG_TALK = average("avgTalk", "平均通话时长", TALKED, TALK, "已接听且已结束来电的平均通话秒数");
    private static final Column OUTBOUND = count("outbound", "呼出", OUT, "坐席外呼（回访、回拨等）");
    private static final Column RATED_CALLS = count("rated", "参评", RATED, "来电者在通话后评价了满意度");
    private static final Column SATISFACTION = percent("satisfactionRate", "满意率", RATED, SATISFIED,
            "评价为计入等级（指标 agent-satisfaction 的等级，默认“满意”）÷ 参评（同指标 agent-satisfaction）");

    static List<Report> all() {
        return List.of(dailyOperations(), serviceLevel(), overallTraffic(), halfHourly(), skillGroups(), agents(),
                satisfaction(), missedRings(), voicemails(), unanswered());
    }

    static Report dailyOperations() {
        return new Report("daily-operations", "每日运营情况", Report.CALLS,
                "按日（周、月）汇总来电、转人工、接听、放弃、排队与通话时长、外呼和满意度", Base.CALL, "true", List.of(), List.of(),
                Granularity.DAY, List.of(INBOUND, IVR, OFFER, ANSWER, ANSWER_RATE, WITHIN, WITHIN_RATE, ABANDON, ABANDON_RATE,
                AVG_WAIT, AVG_TALK, OUTBOUND, RATED_CALLS, SATISFACTION,
                distinct("agents", "接听坐席数", ANSWERED, "c.agent_id", "接听过来电的坐席人数（去重，无明细）")),
                List.of(Filter.skillGroup()), new Chart("bar", List.of("inbound", "offered", "answered", "abandoned")));
    }

    static Report serviceLevel() {
        return new Report("service-level", "坐席服务水平", Report.CALLS,
                "转人工来电的接通速度：10 秒、阈值内、30 秒内接听，排队、振铃与放弃前的等待", Base.CALL, "true", List.of(), List.of(),
                Granularity.DAY, List.of(OFFER, ANSWER, ANSWER_RATE,
                count("within10", "10秒内接听", ANSWERED + " and c.answered_at - c.queued_at <= interval '10 seconds'",
                        "进入排队后 10 秒内被接听"),
                WITHIN, WITHIN_RATE,
                count("within30", "30秒内接听", ANSWERED + " and c.answered_at - c.queued_at <= interval '30 seconds'",
                        "进入排队后 30 秒内被接听"),
                AVG_WAIT, max("maxWait", "最长排队时长", ANSWERED, WAIT, "已接听来电中最长的排队秒数"),
                average("avgRing", "平均振铃时长", ANSWERED + " and c.offered_at is not null",
                        "extract(epoch from c.answered_at - c.offered_at)", "接听坐席振铃到接听的平均秒数"),
                QUEUE_ABANDON, RING_ABANDON, ABANDON_RATE,
                average("avgAbandonWait", "放弃前平均等待", ABANDONED, ABANDON_WAIT, "放弃的来电从进入排队到挂机的平均秒数")),
                List.of(Filter.skillGroup()), new Chart("line", List.of("answerRate", "withinRate", "abandonRate")));
    }

    static Report overallTraffic() {
        String inAnswered = IN + " and c.answered_at is not null";
        String outAnswered = OUT + " and c.answered_at is not null";
        return new Report("overall-traffic", "整体话务分析", Report.CALLS,
                "呼入与呼出的话务量、接通与通话时长，语音导航分流", Base.CALL, "true", List.of(), List.of(), Granularity.DAY,
                List.of(INBOUND, count("inboundAnswered", "呼入接通", inAnswered, "被坐席接听的呼入"),
                        percent("inboundAnswerRate", "呼入接通率", IN, "c.answered_at is not null", "呼入接通 ÷ 来电总数"),
                        seconds("inboundTalk", "呼入通话总时长", inAnswered + " and c.ended_at is not null", TALK, "呼入的通话秒数合计"),
                        average("avgInboundTalk", "呼入平均通话", inAnswered + " and c.ended_at is not null", TALK, "呼入的平均通话秒数"),
                        IVR, OFFER, percent("offeredRate", "转人工率", IN, "c.queued_at is not null", "转人工 ÷ 来电总数"),
                        OUTBOUND, count("outboundAnswered", "呼出接通", outAnswered, "对方接听的外呼"),
                        percent("outboundAnswerRate", "呼出接通率", OUT, "c.answered_at is not null", "呼出接通 ÷ 呼出"),
                        seconds("outboundTalk", "呼出通话总时长", outAnswered + " and c.ended_at is not null", TALK, "外呼的通话秒数合计")),
                List.of(), new Chart("bar", List.of("inbound", "inboundAnswered", "outbound", "outboundAnswered")));
    }

    static Report halfHourly() {
        return new Report("half-hourly", "分时话务分析", Report.CALLS,
                "按来电时刻每半小时一段（00:00–00:30 … 23:30–24:00）统计，看一天中的话务高峰", Base.CALL, "true",
                List.of(Dim.HALF_HOUR), List.of(), Granularity.TOTAL,
                List.of(INBOUND, OFFER, ANSWER, ANSWER_RATE, WITHIN_RATE, ABANDON, AVG_WAIT, AVG_TALK),
                List.of(Filter.skillGroup()), new Chart("bar", List.of("inbound", "offered", "answered", "abandoned")));
    }

    static Report skillGroups() {
        return new Report("skill-groups", "技能组话务统计", Report.CALLS,
                "每个技能组（来电最后所在的技能组）的转人工、接听、放弃、时长与满意度", Base.CALL, "c.group_id is not null",
                List.of(Dim.GROUP), List.of(), Granularity.TOTAL,
                List.of(OFFER, ANSWER, ANSWER_RATE, WITHIN, WITHIN_RATE, QUEUE_ABANDON, RING_ABANDON, ABANDON_RATE, AVG_WAIT,
                        AVG_TALK, seconds("talkSeconds", "通话总时长", TALKED, TALK, "已接听来电的通话秒数合计"), RATED_CALLS,
                        count("satisfied", "满意", RATED + " and " + SATISFIED, "评价为计入等级的来电"), SATISFACTION),
                List.of(Filter.skillGroup()), new Chart("bar", List.of("offered", "answered", "abandoned")));
    }

    static Report agents() {
        String call = "x.fact = 'CALL'";
        String state = "x.fact = 'STATE'";
        String answered = call + " and x.direction = 'INBOUND' and x.answered_at is not null";
        String talked = answered + " and x.ended_at is not null";
        String talk = "extract(epoch from x.ended_at - x.answered_at)";
        String rated = answered + " and x.satisfaction is not null";
        String ring = state + " and x.state = 'RINGING' and x.next_state is not null";
        return new Report("agents", "坐席话务统计", Report.CALLS,
                "每位坐席接听、外呼、通话，振铃与漏接，示闲、示忙、整理与登录时长，占用率和满意度（状态时长按状态开始时间计入时段）",
                Base.AGENT_ACTIVITY, "true", List.of(Dim.AGENT), List.of(), Granularity.TOTAL,
                List.of(count("answered", "接听", answered, "坐席接听的呼入"),
                        count("outbound", "呼出", call + " and x.direction = 'OUTBOUND'", "坐席的外呼"),
                        seconds("talkSeconds", "呼入通话时长", talked, talk, "接听呼入的通话秒数合计"),
                        average("avgTalk", "平均通话时长", talked, talk, "接听呼入的平均通话秒数"),
                        count("rings", "振铃次数", ring, "坐席振铃（已结束的振铃）"),
                        count("missed", "振铃未接", ring + " and x.next_state <> 'TALKING'", "振铃后没有接通（超时未接或来电者挂机）"),
                        seconds("readySeconds", "示闲时长", state + " and x.state = 'READY'", "x.seconds", "示闲状态秒数"),
                        seconds("notReadySeconds", "示忙时长", state + " and x.state in ('NOT_READY', 'BREAK')", "x.seconds",
                                "示忙与小休状态秒数"),
                        seconds("acwSeconds", "话后整理时长", state + " and x.state = 'AFTER_CALL_WORK'", "x.seconds", "整理状态秒数"),
                        seconds("loginSeconds", "登录时长", state + " and x.state <> 'SIGNED_OUT'", "x.seconds", "签入到签出之间的秒数"),
                        secondsShare("occupancy", "占用率",
                                state + " and x.state in ('READY', 'RINGING', 'TALKING', 'HELD', 'AFTER_CALL_WORK')",
                                "x.state in ('RINGING', 'TALKING', 'HELD', 'AFTER_CALL_WORK')", "x.seconds",
                                "振铃、通话、保持、整理秒数 ÷ 这些秒数加示闲秒数（同指标 occupancy）"),
                        count("rated", "参评", rated, "接听的呼入中评价了满意度的"),
                        percent("satisfactionRate", "满意率", rated, "x.satisfaction::text in (:callGrades)",
                                "评价为计入等级 ÷ 参评")),
                List.of(), new Chart("bar", List.of("answered", "outbound", "missed")));
    }

    static Report satisfaction() {
        return new Report("satisfaction", "客户满意率分析", Report.CALLS,
                "通话后满意度评价：参评率，满意、基本满意、不满意的来电与比率", Base.CALL, "true", List.of(), List.of(),
                Granularity.DAY, List.of(ANSWER, RATED_CALLS,
                        percent("participation", "参评率", ANSWERED, "c.satisfaction is not null", "参评 ÷ 人工接听（同指标 survey-participation）"),
                        count("grade1", "满意", RATED + " and c.satisfaction = 1", "按键 1"),
                        count("grade2", "基本满意", RATED + " and c.satisfaction = 2", "按键 2"),
                        count("grade3", "不满意", RATED + " and c.satisfaction = 3", "按键 3"),
                        SATISFACTION,
                        percent("dissatisfiedRate", "不满意率", RATED, "c.satisfaction = 3", "不满意 ÷ 参评")),
                List.of(Filter.skillGroup()), new Chart("bar", List.of("grade1", "grade2", "grade3")));
    }

    static Report missedRings() {
        String ring = "s.state = 'RINGING' and s.next_state is not null";
        return new Report("missed-rings", "漏话统计", Report.CALLS,
                "坐席漏接（振铃后没有接通：超时未接或来电者在振铃中挂机），按坐席统计", Base.STATE, "true", List.of(Dim.AGENT),
                List.of(), Granularity.TOTAL,
                List.of(count("rings", "振铃次数", ring, "已结束的振铃"),
                        count("ringAnswered", "振铃后接通", ring + " and s.next_state = 'TALKING'", "振铃后进入通话"),
                        count("missed", "漏话", ring + " and s.next_state <> 'TALKING'", "振铃后没有进入通话"),
                        percent("missedRate", "漏话率", ring, "s.next_state <> 'TALKING'", "漏话 ÷ 振铃次数"),
                        seconds("ringSeconds", "振铃总时长", ring, "s.seconds", "振铃秒数合计"),
                        average("avgRing", "平均振铃时长", ring, "s.seconds", "每次振铃的平均秒数")),
                List.of(), new Chart("bar", List.of("rings", "missed")));
    }

    static Report voicemails() {
        return new Report("voicemails", "客户留言统计", Report.CALLS,
                "来电者的电话留言及其处理（留言所在的漏接回拨任务结束即为已处理）", Base.VOICEMAIL, "true", List.of(), List.of(), Granularity.DAY,
                List.of(count("messages", "留言数", "true", "来电者留下的留言"),
                        count("handled", "已处理", "v.handled_at is not null", "已回复或处理的留言"),
                        count("unhandled", "未处理", "v.handled_at is null", "尚未处理的留言"),
                        percent("handledRate", "处理率", "true", "v.handled_at is not null", "已处理 ÷ 留言数"),
                        average("avgSeconds", "平均留言时长", "v.seconds is not null", "v.seconds", "留言录音的平均秒数")),
                List.of(Filter.voicemailGroup()), new Chart("bar", List.of("messages", "handled")));
    }

    static Report unanswered() {
        return new Report("unanswered", "未接来电统计", Report.CALLS,
                "转人工后无人接听的来电：排队中放弃、振铃中放弃、其他（超时转留言或预约回呼等），以及语音导航中挂机",
                Base.CALL, "true", List.of(), List.of(), Granularity.DAY,
                List.of(OFFER, count("unanswered", "未接来电", ABANDONED, "转人工后无人接听而结束的来电"),
                        QUEUE_ABANDON, RING_ABANDON,
                        count("otherUnanswered", "其他未接", ABANDONED
                                + " and (c.abandon_point is null or c.abandon_point not in ('QUEUE', 'RINGING'))",
                                "排队超时等原因结束、来电者未主动挂机"),
                        percent("unansweredRate", "未接率", OFFERED, "c.answered_at is null and c.ended_at is not null",
                                "未接来电 ÷ 转人工"),
                        average("avgAbandonWait", "未接前平均等待", ABANDONED, ABANDON_WAIT, "从进入排队到结束的平均秒数"),
                        max("maxAbandonWait", "未接前最长等待", ABANDONED, ABANDON_WAIT, "从进入排队到结束的最长秒数"),
                        count("ivrAbandoned", "语音导航中挂机", IN + " and c.queued_at is null and c.abandon_point = 'IVR'",
                                "未进入排队、在语音导航中挂机的来电")),
                List.of(Filter.skillGroup()), new Chart("bar", List.of("queueAbandoned", "ringAbandoned", "otherUnanswered")));
    }
}
