package org.openhotline.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18 "Lights in the deadline's own time": a limit in working days or working hours turns yellow at its share
 * of the working time, across the 2026 holidays and make-up days of the seeded calendar; other limits keep the
 * share of calendar time.
 */
@HotlineTest
class WorkingTimeYellowTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    private static LocalDateTime local(Instant instant) {
        return instant.atZone(CHINA).toLocalDateTime();
    }

    @Test
    void fiveWorkingDaysAcrossNationalDayTurnYellowOnTheFourthWorkingDayNotInTheHoliday() {
        // Thu 2026-09-24 10:00: 中秋 25–27, working 28, 29, 30, 国庆 Oct 1–7, working 8, 9 → due Fri Oct 9 18:00.
        Deadline d = calendar.deadline(at("2026-09-24T10:00"), TimeLimit.of(5, LimitUnit.WORKING_DAYS));
        assertThat(local(d.dueAt())).isEqualTo("2026-10-09T18:00");
        // 8 h on Thu + 5 × 9 h = 53 h of working time; 80 % = 42.4 h → Thu 8 h, Sep 28–30 27 h, Oct 8 7.4 h.
        assertThat(local(d.yellowAt())).isEqualTo("2026-10-08T16:24");
        assertThat(local(d.yellowAt()).toLocalDate()).isNotEqualTo(java.time.LocalDate.of(2026, 10, 6));
    }

    @Test
    void aMakeUpSaturdayIsWorkingTimeForTheYellowMoment() {
        // Thu 2026-10-08 10:00, 2 working days: Fri 9 and Sat 10 (国庆节调休上班) → due Sat Oct 10 18:00.
        Deadline d = calendar.deadline(at("2026-10-08T10:00"), TimeLimit.of(2, LimitUnit.WORKING_DAYS));
        assertThat(local(d.dueAt())).isEqualTo("2026-10-10T18:00");
        // 8 + 9 + 9 = 26 h; 80 % = 20.8 h → 3.8 h into the make-up Saturday.
        assertThat(local(d.yellowAt())).isEqualTo("2026-10-10T12:48");
    }

    @Test
    void theSpringFestivalIsSkippedByTheYellowMoment() {
        // Fri 2026-02-13 10:00, 2 working days: Sat 14 (调休上班), then 春节 15–23, Tue 24 → due Feb 24 18:00.
        Deadline d = calendar.deadline(at("2026-02-13T10:00"), TimeLimit.of(2, LimitUnit.WORKING_DAYS));
        assertThat(local(d.dueAt())).isEqualTo("2026-02-24T18:00");
        assertThat(local(d.yellowAt())).isEqualTo("2026-02-24T12:48");
        // The calendar share would have fallen on 2026-02-22, in the holiday.
        assertThat(local(Deadline.between(d.start(), d.dueAt(), 80).yellowAt()).toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2026, 2, 22));
    }

    @Test
    void workingHoursCountOnlyTheWorkingHoursOfWorkingDays() {
        // Thu 2026-09-24 16:00, 4 working hours: 2 h on Thu, the holiday and weekend skipped, 2 h on Mon Sep 28.
        Deadline d = calendar.deadline(at("2026-09-24T16:00"), TimeLimit.of(4, LimitUnit.WORKING_HOURS));
        assertThat(local(d.dueAt())).isEqualTo("2026-09-28T11:00");
        // 80 % of 4 h = 3 h 12 min → 1 h 12 min into Monday.
        assertThat(local(d.yellowAt())).isEqualTo("2026-09-28T10:12");
    }

    @Test
    void minutesHoursAndNaturalDaysKeepTheCalendarShare() {
        Instant start = at("2026-10-01T08:00");
        assertThat(local(calendar.deadline(start, TimeLimit.of(24, LimitUnit.HOURS)).yellowAt()))
                .isEqualTo("2026-10-02T03:12");
        assertThat(local(calendar.deadline(start, TimeLimit.of(5, LimitUnit.NATURAL_DAYS)).yellowAt()))
                .isEqualTo("2026-10-05T08:00");
        assertThat(local(calendar.deadline(start, TimeLimit.of(50, LimitUnit.MINUTES)).yellowAt()))
                .isEqualTo("2026-10-01T08:40");
    }

    @Test
    void anExtensionInWorkingDaysGetsItsYellowInWorkingTime() {
        // Due Wed 2026-09-30 18:00, extended by 1 working day → Thu Oct 8 18:00; yellow not inside 国庆.
        Instant start = at("2026-09-28T09:00");
        Instant due = calendar.extend(at("2026-09-30T18:00"), TimeLimit.of(1, LimitUnit.WORKING_DAYS));
        Deadline d = calendar.between(start, due, LimitUnit.WORKING_DAYS, 80);
        assertThat(local(d.dueAt())).isEqualTo("2026-10-08T18:00");
        // 4 × 9 h = 36 h; 80 % = 28.8 h → 1.8 h into Oct 8.
        assertThat(local(d.yellowAt())).isEqualTo("2026-10-08T10:48");
    }

    /**
     * The migration that recomputed the existing timers (V202612041861) does the same arithmetic in SQL: its function,
     * created here as a temporary function in a transaction that is rolled back, gives the moments above.
     */
    @Test
    void theMigrationComputesTheSameYellowMomentsInSql() throws Exception {
        String script;
        try (var in = getClass().getResourceAsStream("/db/migration/workorder/V202612041861__yellow_in_working_time.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String function = script.substring(script.indexOf("create function"), script.indexOf("$$;") + 3)
                .replace("wo_tmp_working_yellow", "pg_temp.wo_test_working_yellow");
        tx.executeWithoutResult(status -> {
            jdbc.sql(function).update();
            assertThat(sqlYellow("2026-09-24T10:00", "2026-10-09T18:00")).isEqualTo("2026-10-08T16:24");
            assertThat(sqlYellow("2026-10-08T10:00", "2026-10-10T18:00")).isEqualTo("2026-10-10T12:48");
            assertThat(sqlYellow("2026-02-13T10:00", "2026-02-24T18:00")).isEqualTo("2026-02-24T12:48");
            status.setRollbackOnly();
        });
    }

    private LocalDateTime sqlYellow(String start, String due) {
        return local(jdbc.sql("select pg_temp.wo_test_working_yellow(?, ?, 80)")
                .params(java.sql.Timestamp.from(at(start)), java.sql.Timestamp.from(at(due)))
                .query(java.sql.Timestamp.class).single().toInstant());
    }
}
