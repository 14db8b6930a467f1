package org.openhotline.training.internal.exams;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openhotline.training.internal.questions.Question;
import org.openhotline.training.internal.questions.QuestionKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo city's past monthly exams (seed 002: a monthly exam, pass rate and coverage ≥ 95 %), so that the training
 * figures show a year and not one empty month: one closed exam per month, sat and graded by most agents. Each agent
 * has a skill (the chance of getting an objective question right) that grows a little month by month, so pass rates
 * hover around the 95 % target and climb; a few agents miss a month (leave, night shifts), so coverage does too.
 * Rows go in as JDBC batches — a year for a few hundred agents is a few thousand sittings, and the demo must start
 * fast. Drawn from a fixed seed: every demo city has the same history.
 */
final class DemoExamHistory {

    static final int MONTHS = 12;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Exams exams;
    private final ZoneId zone;

    DemoExamHistory(JdbcClient jdbc, JdbcTemplate batch, Exams exams, ZoneId zone) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.exams = exams;
        this.zone = zone;
    }

    /** One exam per month for the {@value #MONTHS} months before {@code now}'s, on {@code paper} whose items are given. */
    void seed(long paper, int minutes, List<Question> questions, List<Papers.Item> items, List<Long> agents, long manager,
              Instant now) {
        if (agents.isEmpty()) {
            return;
        }
        Random random = new Random(20261205L);
        double[] skill = new double[agents.size()];
        for (int i = 0; i < skill.length; i++) {
            skill[i] = Math.min(0.97, 0.80 + 0.07 * random.nextGaussian());
        }
        YearMonth current = YearMonth.from(now.atZone(zone));
        List<Object[]> sittings = new ArrayList<>();
        Map<Long, int[]> pointsBySitting = new HashMap<>(); // keyed by exam × agent until the ids are known
        List<Long> examIds = new ArrayList<>();
        for (int back = MONTHS; back >= 1; back--) {
            YearMonth month = current.minusMonths(back);
            // the exam is open from the 15th to the 25th (local time), so it closes inside its month
            Instant opens = month.atDay(15).atTime(8, 0).atZone(zone).toInstant();
            Instant closes = month.atDay(25).atTime(20, 0).atZone(zone).toInstant();
            long exam = exams.create(paper, month.getYear() + "年" + month.getMonthValue() + "月业务考试", opens, closes, manager);
            examIds.add(exam);
            double growth = 0.006 * (MONTHS - back); // the agents learn: a little more right each month
            for (int i = 0; i < agents.size(); i++) {
                if (random.nextDouble() < 0.035) {
                    continue; // missed this month's exam
                }
                int[] points = new int[items.size()];
                int score = 0;
                for (int q = 0; q < items.size(); q++) {
                    int max = items.get(q).points();
                    points[q] = questions.get(q).kind() == QuestionKind.SHORT
                            ? (int) Math.round(max * Math.min(1, Math.max(0.2, skill[i] + growth + 0.15 * random.nextGaussian())))
                            : random.nextDouble() < skill[i] + growth ? max : 0;
                    score += points[q];
                }
                Instant started = opens.plusSeconds(random.nextLong(9 * 86_400L));
                Instant submitted = started.plusSeconds(60L * (12 + random.nextInt(minutes - 12)));
                sittings.add(new Object[] {exam, agents.get(i), Timestamp.from(started),
                        Timestamp.from(started.plusSeconds(60L * minutes)), Timestamp.from(submitted), score, score >= 60});
                pointsBySitting.put(exam * 1_000_003L + agents.get(i), points);
            }
        }
        batch.batchUpdate("""
                insert into tr_sitting (exam_id, account_id, started_at, due_at, submitted_at, status, score, passed)
                values (?, ?, ?, ?, ?, 'GRADED', ?, ?)""", sittings);
        record Sat(long id, long examId, long accountId) {}
        List<Object[]> answers = new ArrayList<>();
        jdbc.sql("select id, exam_id, account_id from tr_sitting where exam_id in (:exams)").param("exams", examIds)
                .query(Sat.class).list().forEach(s -> {
                    int[] points = pointsBySitting.get(s.examId() * 1_000_003L + s.accountId());
                    for (int q = 0; q < items.size(); q++) {
                        Question question = questions.get(q);
                        boolean right = points[q] == items.get(q).points();
                        answers.add(new Object[] {s.id(), items.get(q).questionId(), q, items.get(q).points(),
                                question.kind() == QuestionKind.SHORT || right ? question.answer() : wrong(question),
                                points[q], question.kind() == QuestionKind.SHORT ? manager : null});
                    }
                });
        batch.batchUpdate("""
                insert into tr_answer (sitting_id, question_id, sort, max_points, answer, points, graded_by)
                values (?, ?, ?, ?, ?, ?, ?)""", answers);
    }

    /** A plausible wrong answer to an objective question (what the grader would give no points for). */
    private static String wrong(Question q) {
        return switch (q.kind()) {
            case TRUE_FALSE -> "错".equals(q.answer()) ? "对" : "错";
            case SINGLE -> "A".equals(q.answer()) ? "B" : "A";
            case MULTIPLE -> "A,B".equals(q.answer()) ? "A" : "A,B";
            default -> "不清楚";
        };
    }
}
