package org.openhotline.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openhotline.HotlineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Timers are rows, not threads: a deadline that passes while the server is down fires when it starts again.
 * Two real starts of the platform on one data directory (the scheduled sweep is slowed down so only the sweep
 * on start can fire).
 */
class TimersAcrossRestartTest {

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(HotlineApplication.class).run(
                "--hotline.data-dir=" + dataDir, "--server.port=0", "--hotline.demo.enabled=false",
                "--hotline.calendar.sweep-interval=PT1H", "--logging.level.root=WARN");
    }

    @Test
    void aDeadlineThatPassedWhileDownFiresOnStart() {
        String dataDir = "target/test-data/restart-" + UUID.randomUUID();
        long subject = 4242;
        Instant due;
        try (var first = start(dataDir)) {
            var calendar = first.getBean(BusinessCalendar.class);
            Instant now = Instant.now();
            due = now.plusSeconds(3);
            calendar.schedule("test.restart", subject, Deadline.between(now.minusSeconds(3600), due, 80));
            assertThat(firedAt(first.getBean(JdbcClient.class), subject, "RED")).as("not due before the stop").isNull();
        }
        while (Instant.now().isBefore(due.plusMillis(200))) {
            Thread.onSpinWait(); // the server is down while the deadline passes
        }
        try (var second = start(dataDir)) {
            var jdbc = second.getBean(JdbcClient.class);
            Instant firedRed = firedAt(jdbc, subject, "RED");
            assertThat(firedRed).isNotNull().isAfter(due);
            assertThat(firedAt(jdbc, subject, "YELLOW")).isNotNull();
            second.getBean(BusinessCalendar.class).fireDueTimers(Instant.now().plusSeconds(60));
            assertThat(firedAt(jdbc, subject, "RED")).as("fired once").isEqualTo(firedRed);
        }
    }

    private static Instant firedAt(JdbcClient jdbc, long subject, String light) {
        return jdbc.sql("select fired_at from calendar_timer where subject_type = 'test.restart' and subject_id = ? and light = ?")
                .params(subject, light).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }
}
