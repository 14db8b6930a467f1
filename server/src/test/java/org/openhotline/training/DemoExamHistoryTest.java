package org.openhotline.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo city has a year of monthly exams behind it (seed 002's pass rate and coverage as monthly KPIs): every one
 * of the twelve months before the demo's start has a closed exam sat and graded by most agents, and the month's
 * figures from {@code /api/training/figures} are those sittings counted — passed among graded, agents who sat among
 * all agents. Reads only the seeded history (closed exams other tests do not create sittings in).
 */
@HotlineTest
class DemoExamHistoryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aYearOfMonthlyExamsFeedsPassRateAndCoverage() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        // the demo was seeded when the context started; its current exam marks the month the history runs up to
        Timestamp seededAt = jdbc.sql("select min(opens_at) from tr_exam where name = '本月业务考试'").query(Timestamp.class).single();
        YearMonth current = YearMonth.from(seededAt.toInstant().atZone(zone));
        var manager = ApiClient.loggedIn(port, "manager");
        // the demo agents who sat any of the year's exams (other tests add agents of their own, so not all agents)
        int regulars = jdbc.sql("""
                select count(distinct s.account_id)::int from tr_sitting s join tr_exam e on e.id = s.exam_id
                 where e.name like '%年%月业务考试'""").query(Integer.class).single();
        assertThat(regulars).isPositive();
        for (int back = 1; back <= 12; back++) {
            YearMonth month = current.minusMonths(back);
            String name = month.getYear() + "年" + month.getMonthValue() + "月业务考试";
            long exam = jdbc.sql("select id from tr_exam where name = ?").param(name).query(Long.class).single();
            record Counts(int sittings, int passed, int sat, int answers, int unscored) {}
            Counts c = jdbc.sql("""
                    select count(*)::int as sittings, count(*) filter (where passed)::int as passed,
                           count(distinct account_id)::int as sat,
                           (select count(*)::int from tr_answer a join tr_sitting t on t.id = a.sitting_id where t.exam_id = :e) as answers,
                           (select count(*)::int from tr_answer a join tr_sitting t on t.id = a.sitting_id
                             where t.exam_id = :e and a.points is null) as unscored
                      from tr_sitting where exam_id = :e and status = 'GRADED'""").param("e", exam).query(Counts.class).single();
            assertThat(c.answers()).as(name + ": every sitting keeps its answers").isEqualTo(c.sittings() * 6);
            assertThat(c.unscored()).as(name).isZero();

            var r = manager.get("/api/training/figures?month=" + month);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode f = r.json();
            int agents = f.path("agents").asInt();
            assertThat(agents).isGreaterThanOrEqualTo(regulars);
            assertThat(f.path("sittings").asInt()).as(name).isEqualTo(c.sittings());
            assertThat(f.path("passed").asInt()).as(name).isEqualTo(c.passed());
            assertThat(f.path("passRate").asDouble()).as(name)
                    .isCloseTo((double) c.passed() / c.sittings(), org.assertj.core.data.Offset.offset(0.0001))
                    .isBetween(0.8, 1.0);
            // most agents sat it, a few missed a month (every sitter counts as trained; sessions and materials may add)
            assertThat(c.sat()).as(name).isGreaterThanOrEqualTo(regulars * 8 / 10);
            int trained = f.path("trained").asInt();
            assertThat(trained).as(name).isGreaterThanOrEqualTo(c.sat());
            assertThat(f.path("coverage").asDouble()).as(name)
                    .isCloseTo((double) trained / agents, org.assertj.core.data.Offset.offset(0.0001));
        }
    }
}
