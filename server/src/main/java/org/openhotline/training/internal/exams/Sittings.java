package org.openhotline.training.internal.exams;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.openhotline.training.internal.questions.Question;
import org.openhotline.training.internal.questions.Questions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One agent's sitting of an exam: started once (a second start returns the same sitting), answers saved while time
 * remains, submitted by the agent or — when its time is up — by itself: on the next access and by a sweep every 30
 * seconds, so an agent who closes the browser is graded too. Objective questions are graded at submission; a sitting
 * with short answers waits for a grader.
 */
@Service
public class Sittings {

    public record SheetQuestion(long questionId, int sort, String kind, String stem, List<String> options, int points,
                                String answer, Double scored, String comment) {}

    public record Sheet(long id, long examId, String examName, Instant startedAt, Instant dueAt, String status,
                       boolean autoSubmitted, Double score, Boolean passed, List<SheetQuestion> questions) {}

    private final JdbcClient jdbc;
    private final Exams exams;
    private final Papers papers;
    private final Questions questions;
    private final Clock clock;

    Sittings(JdbcClient jdbc, Exams exams, Papers papers, Questions questions, Clock clock) {
        this.jdbc = jdbc;
        this.exams = exams;
        this.papers = papers;
        this.questions = questions;
        this.clock = clock;
    }

    @Transactional
    public long start(long examId, long accountId) {
        var existing = jdbc.sql("select id from tr_sitting where exam_id = ? and account_id = ?").params(examId, accountId)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var exam = exams.find(examId);
        Instant now = clock.instant();
        if (now.isBefore(exam.opensAt()) || !now.isBefore(exam.closesAt())) {
            throw DomainException.conflict("考试不在开放时间内");
        }
        var paper = papers.find(exam.paperId());
        var items = papers.questionsFor(paper);
        Instant due = now.plusSeconds(paper.minutes() * 60L);
        if (due.isAfter(exam.closesAt())) {
            due = exam.closesAt();
        }
        long id = jdbc.sql("""
                insert into tr_sitting (exam_id, account_id, started_at, due_at) values (?, ?, ?, ?)
                on conflict (exam_id, account_id) do nothing returning id""")
                .params(examId, accountId, Timestamp.from(now), Timestamp.from(due)).query(Long.class).optional()
                .orElseThrow(() -> DomainException.conflict("已开始本场考试"));
        int sort = 0;
        for (var item : items) {
            jdbc.sql("insert into tr_answer (sitting_id, question_id, sort, max_points) values (?, ?, ?, ?)")
                    .params(id, item.questionId(), sort++, item.points()).update();
        }
        return id;
    }

    record Row(long id, long examId, long accountId, Instant startedAt, Instant dueAt, String status, boolean autoSubmitted,
               Double score, Boolean passed) {}

    private Row row(long id) {
        return jdbc.sql("""
                select id, exam_id, account_id, started_at, due_at, status, auto_submitted, score::float8 as score, passed
                  from tr_sitting where id = ?""").param(id).query(Row.class).optional()
                .orElseThrow(() -> DomainException.notFound("考试记录不存在"));
    }

    private Row mine(long id, long accountId) {
        Row r = row(id);
        if (r.accountId() != accountId) {
            throw DomainException.notFound("考试记录不存在");
        }
        return r;
    }

    /** The agent's sheet; answers and points of each question are shown once the sitting is graded. */
    @Transactional
    public Sheet sheet(long id, long accountId, boolean asGrader) {
        Row r = asGrader ? row(id) : mine(id, accountId);
        if ("SITTING".equals(r.status()) && !clock.instant().isBefore(r.dueAt())) {
            finish(r.id(), true);
            r = row(id);
        }
        record A(long questionId, int sort, int maxPoints, String answer, Double points, String comment) {}
        var answers = jdbc.sql("""
                select question_id, sort, max_points, answer, points::float8 as points, comment from tr_answer
                 where sitting_id = ? order by sort""").param(id).query(A.class).list();
        Map<Long, Question> qs = questions.byIds(answers.stream().map(A::questionId).toList());
        boolean graded = "GRADED".equals(r.status()) || asGrader;
        var sheetQuestions = answers.stream().map(a -> {
            Question q = qs.get(a.questionId());
            return new SheetQuestion(a.questionId(), a.sort(), q.kind().name(), q.stem(), q.options(), a.maxPoints(),
                    a.answer(), graded ? a.points() : null, graded ? a.comment() : null);
        }).toList();
        return new Sheet(r.id(), r.examId(), exams.find(r.examId()).name(), r.startedAt(), r.dueAt(), r.status(),
                r.autoSubmitted(), r.score(), r.passed(), sheetQuestions);
    }

    /** Saves answers while time remains; once it is up the sitting is handed in (kept, though the call answers 409). */
    @Transactional(noRollbackFor = DomainException.class)
    public void save(long id, long accountId, Map<Long, String> answers) {
        Row r = mine(id, accountId);
        if (!"SITTING".equals(r.status())) {
            throw DomainException.conflict("已交卷，不能再修改答案");
        }
        if (answers.values().stream().anyMatch(a -> a != null && a.length() > 4000)) {
            throw DomainException.invalid("答案不超过 4000 个字");
        }
        if (!clock.instant().isBefore(r.dueAt())) {
            finish(id, true);
            throw DomainException.conflict("考试时间已到，已自动交卷");
        }
        answers.forEach((question, answer) -> jdbc.sql("update tr_answer set answer = ? where sitting_id = ? and question_id = ?")
                .params(answer, id, question).update());
    }

    @Transactional
    public void submit(long id, long accountId) {
        Row r = mine(id, accountId);
        if (!"SITTING".equals(r.status())) {
            throw DomainException.conflict("已交卷");
        }
        finish(id, !clock.instant().isBefore(r.dueAt()));
    }

    /** Submits what was answered and grades the objective questions; the status says whether a grader is needed. */
    void finish(long id, boolean auto) {
        int changed = jdbc.sql("""
                update tr_sitting set status = 'SUBMITTED', submitted_at = ?, auto_submitted = ?
                 where id = ? and status = 'SITTING'""").params(Timestamp.from(clock.instant()), auto, id).update();
        if (changed == 0) {
            return;
        }
        record A(long questionId, int maxPoints, String answer) {}
        var answers = jdbc.sql("select question_id, max_points, answer from tr_answer where sitting_id = ?").param(id)
                .query(A.class).list();
        var qs = questions.byIds(answers.stream().map(A::questionId).toList());
        for (A a : answers) {
            Double points = qs.get(a.questionId()).grade(a.answer(), a.maxPoints());
            if (points != null) {
                jdbc.sql("update tr_answer set points = ? where sitting_id = ? and question_id = ?")
                        .params(points, id, a.questionId()).update();
            }
        }
        closeIfGraded(id);
    }

    /** When every answer has points: the total, pass or fail against the paper's pass mark, GRADED. */
    void closeIfGraded(long id) {
        jdbc.sql("""
                update tr_sitting s set status = 'GRADED',
                       score = (select sum(points) from tr_answer a where a.sitting_id = s.id),
                       passed = (select sum(points) from tr_answer a where a.sitting_id = s.id) >= p.pass_score
                  from tr_exam e join tr_paper p on p.id = e.paper_id
                 where s.id = ? and e.id = s.exam_id and s.status = 'SUBMITTED'
                   and not exists (select 1 from tr_answer a where a.sitting_id = s.id and a.points is null)""")
                .param(id).update();
    }

    /** Submits every sitting whose time is up (agents who closed the browser). */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    @Transactional
    public void sweep() {
        jdbc.sql("select id from tr_sitting where status = 'SITTING' and due_at <= ?").param(Timestamp.from(clock.instant()))
                .query(Long.class).list().forEach(id -> finish(id, true));
    }
}
