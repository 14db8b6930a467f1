package org.openhotline.reporting.internal.reports;

import static org.openhotline.reporting.internal.reports.Column.average;
import static org.openhotline.reporting.internal.reports.Column.count;
import static org.openhotline.reporting.internal.reports.Column.percent;

import java.util.List;
import org.openhotline.reporting.internal.reports.Report.Chart;

/** The online chat (在线客服) report: chats beside the calls, from {@code rpt_chat_fact}. */
final class ChatReports {

    private static final String ANSWERED = "h.answered_at is not null";
    private static final String RATED = "h.rating is not null";

    private ChatReports() {}

    static Report chats() {
        return new Report("chats", "在线客服统计", Report.CALLS,
                "网站和微信的在线会话：进入排队、坐席接入、排队中放弃、平均等待、转工单和满意度",
                Base.CHAT, "h.offered_at is not null", List.of(), List.of(), Granularity.DAY,
                List.of(count("offered", "会话数", "true", "进入在线客服排队的会话"),
                        count("web", "网站", "h.source = 'WEB'", "来自市民门户在线客服的会话"),
                        count("wechat", "微信", "h.source = 'WECHAT'", "来自微信公众号转人工的会话"),
                        count("answered", "接入", ANSWERED, "坐席接入的会话"),
                        percent("answerRate", "接入率", "true", ANSWERED, "接入 ÷ 会话数"),
                        count("abandoned", "排队中放弃", "h.abandoned_at is not null", "坐席接入前群众离开的会话"),
                        average("avgWait", "平均等待", ANSWERED, "extract(epoch from h.answered_at - h.offered_at)",
                                "从进入排队到坐席接入的平均秒数"),
                        average("avgDuration", "平均会话时长", ANSWERED + " and h.ended_at is not null",
                                "extract(epoch from h.ended_at - h.answered_at)", "从接入到结束的平均秒数"),
                        count("ordered", "转工单", "h.order_id is not null", "转为工单的会话"),
                        count("rated", "参评", RATED, "会话结束后群众作出评价"),
                        percent("satisfiedRate", "满意率", RATED,
                                "h.rating in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED')",
                                "非常满意、满意、基本满意 ÷ 参评")),
                List.of(), new Chart("bar", List.of("offered", "answered", "abandoned")));
    }
}
