package org.openhotline.workforce.internal.adherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly close (00:15, {@code closeYesterday}) reaches the reports like a manager's close does. It used to call
 * its own {@code @Transactional} method from inside the bean, so it ran without a transaction: reporting's
 * after-commit listener was skipped, the day's 排班遵从度 never reached {@code rpt_adherence_fact}, and the open
 * publications made every later "wait until the reports have caught up" time out (a suite running past 00:15
 * Beijing time failed that way).
 */
@HotlineTest
class NightlyCloseTest {

    @Autowired
    DailyAdherence daily;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNightlyCloseOfYesterdayReachesTheReportsAndLeavesNoOpenPublication() {
        // A day of this run's own (a month no other test rosters), an agent with a published shift on it.
        LocalDate day = LocalDate.of(2700 + ThreadLocalRandom.current().nextInt(290), 1 + ThreadLocalRandom.current().nextInt(12), 10);
        long agent = jdbc.sql("select id from account where username = 'agent7'").query(Long.class).single();
        long by = jdbc.sql("select id from account where username = 'manager'").query(Long.class).single();
        long roster = jdbc.sql("""
                insert into wf_roster (month, status, created_by, created_at) values (?, 'PUBLISHED', ?, now()) returning id""")
                .params(day.withDayOfMonth(1), by).query(Long.class).single();
        jdbc.sql("insert into wf_roster_shift (roster_id, account_id, day, shift_code) values (?, ?, ?, 'A')")
                .params(roster, agent, day).update();
        try {
            // set, not freeze: TestClock.withZone (used for "today") follows the offset only
            clock.set(day.plusDays(1).atTime(LocalTime.of(0, 15)).atZone(clock.getZone()).toInstant());
            daily.closeYesterday();
            clock.reset();

            assertThat(jdbc.sql("select scheduled_s from wf_adherence_day where account_id = ? and day = ?")
                    .params(agent, day).query(Long.class).single()).isPositive();
            long scheduled = Wait.until("the nightly close reaches the reports", () -> jdbc.sql(
                    "select scheduled_s from rpt_adherence_fact where account_id = ? and day = ?").params(agent, day)
                    .query(Long.class).optional().orElse(null), Duration.ofSeconds(60));
            assertThat(scheduled).isEqualTo(8 * 3600);
            Wait.until("no publication of this day is left open", () -> jdbc.sql("""
                    select count(*) from event_publication where completion_date is null
                       and listener_id like '%AdherenceFacts%' and serialized_event like ?""")
                    .param("%\"day\":\"" + day + "\"%").query(Long.class).single() == 0, Duration.ofSeconds(60));
        } finally {
            clock.reset();
            jdbc.sql("delete from rpt_adherence_fact where day = ?").param(day).update();
            jdbc.sql("delete from wf_adherence_day where day = ?").param(day).update();
            jdbc.sql("delete from wf_roster where id = ?").param(roster).update();
        }
    }
}
