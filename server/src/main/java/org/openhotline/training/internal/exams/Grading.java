package org.openhotline.training.internal.exams;

import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 阅卷: short answers waiting for a grader, graded one by one; the sitting closes when its last answer has points. */
@Service
public class Grading {

    public record Waiting(long sittingId, long accountId, String examName, long questionId, String stem, String answer,
                          int maxPoints) {}

    private final JdbcClient jdbc;
    private final Sittings sittings;

    Grading(JdbcClient jdbc, Sittings sittings) {
        this.jdbc = jdbc;
        this.sittings = sittings;
    }

    public List<Waiting> waiting() {
        return jdbc.sql("""
                select s.id as sitting_id, s.account_id, e.name as exam_name, a.question_id, q.stem, a.answer, a.max_points
                  from tr_answer a join tr_sitting s on s.id = a.sitting_id join tr_exam e on e.id = s.exam_id
                  join tr_question q on q.id = a.question_id
                 where s.status = 'SUBMITTED' and a.points is null order by s.submitted_at, a.sort limit 200""")
                .query(Waiting.class).list();
    }

    @Transactional
    public void grade(long sittingId, long questionId, double points, String comment, long by) {
        var max = jdbc.sql("""
                select a.max_points from tr_answer a join tr_sitting s on s.id = a.sitting_id
                 where a.sitting_id = ? and a.question_id = ? and s.status = 'SUBMITTED' for update of s""")
                .params(sittingId, questionId).query(Integer.class).optional()
                .orElseThrow(() -> DomainException.conflict("该答卷不在待阅状态"));
        if (points < 0 || points > max) {
            throw DomainException.invalid("得分应在 0 到 " + max + " 之间");
        }
        jdbc.sql("update tr_answer set points = ?, graded_by = ?, comment = ? where sitting_id = ? and question_id = ?")
                .params(points, by, comment, sittingId, questionId).update();
        sittings.closeIfGraded(sittingId);
    }

    public record Result(long sittingId, long accountId, String status, Double score, Boolean passed, boolean autoSubmitted) {}

    public List<Result> results(long examId) {
        return jdbc.sql("""
                select id as sitting_id, account_id, status, score::float8 as score, passed, auto_submitted
                  from tr_sitting where exam_id = ? order by score desc nulls last""").param(examId).query(Result.class).list();
    }
}
