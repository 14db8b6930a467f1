package org.openhotline.knowledge.internal.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Agents say whether the assistant's reply helped (有帮助 / 没帮助). The question is asked again here, so what is
 * stored beside the verdict is what the assistant decides (answered or abstained, its first article, the cosine and
 * the share of the question's words it rests on), not what a screen claims. Over weeks this is the hotline's own,
 * growing evaluation set: how often a confident answer helped, and how often an abstention's reference passages would
 * have — the two figures the abstention's bands ({@link Abstention}) are a trade between.
 */
@Component
public class AssistantFeedback {

    private final AnswerAssistant assistant;
    private final JdbcClient jdbc;
    private final Clock clock;

    AssistantFeedback(AnswerAssistant assistant, JdbcClient jdbc, Clock clock) {
        this.assistant = assistant;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Entry(long id, String question, boolean answered, Long articleId, String articleTitle,
                        double similarity, double coverage, boolean helpful, String givenBy, OffsetDateTime givenAt) {}

    public Entry give(StaffPrincipal caller, String question, boolean helpful) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            throw DomainException.badRequest("请填写问题");
        }
        var reply = assistant.reply(caller, q, 1);
        Long article = reply.passages().isEmpty() ? null : reply.passages().getFirst().articleId();
        var now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into kb_assistant_feedback (question, answered, article_id, similarity, coverage, helpful,
                                                   given_by, given_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(q, reply.answered(), article, reply.similarity(), reply.coverage(), helpful, caller.username(),
                        now)
                .query(Long.class).single();
        return new Entry(id, q, reply.answered(), article,
                reply.passages().isEmpty() ? null : reply.passages().getFirst().title(), reply.similarity(),
                reply.coverage(), helpful, caller.username(), now);
    }

    /**
     * The verdicts of the last {@code days} days in four cells, and the two rates read off them: of the confident
     * answers judged, the share that helped; of the abstentions judged, the share whose passages helped anyway.
     */
    public record Summary(int days, long answeredHelpful, long answeredNotHelpful, long abstainedHelpful,
                          long abstainedNotHelpful, Double answeredHelpfulShare, Double abstainedHelpfulShare) {}

    public Summary summary(int days) {
        var since = OffsetDateTime.now(clock).minus(Duration.ofDays(days));
        long[] cells = new long[4];
        jdbc.sql("""
                select answered, helpful, count(*) from kb_assistant_feedback where given_at >= ?
                 group by answered, helpful""")
                .param(since)
                .query(rs -> {
                    cells[(rs.getBoolean(1) ? 0 : 2) + (rs.getBoolean(2) ? 0 : 1)] = rs.getLong(3);
                });
        return new Summary(days, cells[0], cells[1], cells[2], cells[3], share(cells[0], cells[1]),
                share(cells[2], cells[3]));
    }

    private static Double share(long yes, long no) {
        return yes + no == 0 ? null : Math.round(1000.0 * yes / (yes + no)) / 1000.0;
    }

    /** The verdicts, newest first; {@code answered}/{@code helpful} null: either. */
    public PageResult<Entry> list(Boolean answered, Boolean helpful, int page, int size) {
        String where = "(cast(:answered as boolean) is null or f.answered = :answered)"
                + " and (cast(:helpful as boolean) is null or f.helpful = :helpful)";
        long total = jdbc.sql("select count(*) from kb_assistant_feedback f where " + where)
                .param("answered", answered).param("helpful", helpful).query(Long.class).single();
        List<Entry> items = jdbc.sql("""
                select f.id, f.question, f.answered, f.article_id, a.title, f.similarity, f.coverage, f.helpful,
                       f.given_by, f.given_at
                  from kb_assistant_feedback f left join kb_article a on a.id = f.article_id
                 where """ + where + " order by f.given_at desc, f.id desc limit :size offset :offset")
                .param("answered", answered).param("helpful", helpful).param("size", size)
                .param("offset", PageResult.offset(page, size))
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getBoolean(3), (Long) rs.getObject(4),
                        rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getBoolean(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class)))
                .list();
        return new PageResult<>(items, total, page, size);
    }
}
