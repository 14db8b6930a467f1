package org.openhotline.training.internal.exams;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** 考试: a paper opened to agents for a period (e.g. the monthly exam). */
@Service
public class Exams {

    public record Exam(long id, long paperId, String name, Instant opensAt, Instant closesAt) {}

    public record MyExam(long id, String name, Instant opensAt, Instant closesAt, int minutes, Long sittingId,
                         String status, Double score, Boolean passed) {}

    private final JdbcClient jdbc;
    private final Papers papers;
    private final Clock clock;

    Exams(JdbcClient jdbc, Papers papers, Clock clock) {
        this.jdbc = jdbc;
        this.papers = papers;
        this.clock = clock;
    }

    public long create(long paperId, String name, Instant opensAt, Instant closesAt, long by) {
        papers.find(paperId);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("考试名称不能为空且不超过 100 个字");
        }
        if (!closesAt.isAfter(opensAt)) {
            throw DomainException.invalid("结束时间应晚于开始时间");
        }
        return jdbc.sql("""
                insert into tr_exam (paper_id, name, opens_at, closes_at, created_by, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(paperId, name.strip(), Timestamp.from(opensAt), Timestamp.from(closesAt), by,
                        Timestamp.from(clock.instant())).query(Long.class).single();
    }

    public Exam find(long id) {
        return jdbc.sql("select id, paper_id, name, opens_at, closes_at from tr_exam where id = ?").param(id)
                .query(Exam.class).optional().orElseThrow(() -> DomainException.notFound("考试不存在"));
    }

    public List<Exam> list() {
        return jdbc.sql("select id, paper_id, name, opens_at, closes_at from tr_exam order by opens_at desc limit 200")
                .query(Exam.class).list();
    }

    /** Exams open now or sat by the agent in the last 90 days, with the agent's sitting. */
    public List<MyExam> mine(long accountId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select e.id, e.name, e.opens_at, e.closes_at, p.minutes, s.id as sitting_id, s.status,
                       s.score::float8 as score, s.passed
                  from tr_exam e join tr_paper p on p.id = e.paper_id
                  left join tr_sitting s on s.exam_id = e.id and s.account_id = :me
                 where (e.opens_at <= :now and e.closes_at > :now) or (s.id is not null and s.started_at > :since)
                 order by e.opens_at desc""")
                .param("me", accountId).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(java.time.Duration.ofDays(90))))
                .query(MyExam.class).list();
    }
}
