package org.openhotline.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class BusinessCalendarTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    private static ZonedDateTime local(Instant instant) {
        return instant.atZone(CHINA);
    }

    @Test
    void workingDaysSkipTheMidAutumnHolidayAndTheWeekend() {
        // Thu 2026-09-24: Fri 25 – Sun 27 is 中秋节, so the 2 working days are Mon 28 and Tue 29.
        Instant due = calendar.dueAt(at("2026-09-24T14:00"), TimeLimit.of(2, LimitUnit.WORKING_DAYS));
        assertThat(local(due).toLocalDateTime()).isEqualTo("2026-09-29T18:00");
    }

    @Test
    void aMakeUpWorkingDayOnASaturdayCounts() {
        // Thu 2026-10-08 after 国庆节: Fri 9 is the 1st working day, Sat 10 (调休上班) the 2nd.
        Instant due = calendar.dueAt(at("2026-10-08T10:00"), TimeLimit.of(2, LimitUnit.WORKING_DAYS));
        assertThat(local(due).toLocalDateTime()).isEqualTo("2026-10-10T18:00");
        // Fri 2026-09-18: Sun 20 is a make-up working day, so 1 working day ends on that Sunday.
        Instant sunday = calendar.dueAt(at("2026-09-18T16:00"), TimeLimit.of(1, LimitUnit.WORKING_DAYS));
        assertThat(local(sunday).toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
    }

    @Test
    void fifteenWorkingDaysAcrossTheSpringFestival() {
        // Fri 2026-02-13 (the Saturday 14th is worked): 14, 24–27, 28 (worked Saturday), Mar 2–6, 9–12 (15th).
        Instant due = calendar.dueAt(at("2026-02-13T09:30"), TimeLimit.of(15, LimitUnit.WORKING_DAYS));
        assertThat(local(due).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 12));
    }

    @Test
    void minutesHoursAndNaturalDaysIgnoreHolidays() {
        Instant start = at("2026-10-01T08:00");
        assertThat(calendar.dueAt(start, TimeLimit.of(30, LimitUnit.MINUTES))).isEqualTo(at("2026-10-01T08:30"));
        assertThat(calendar.dueAt(start, TimeLimit.of(24, LimitUnit.HOURS))).isEqualTo(at("2026-10-02T08:00"));
        assertThat(calendar.dueAt(start, TimeLimit.of(3, LimitUnit.NATURAL_DAYS))).isEqualTo(at("2026-10-04T08:00"));
        assertThat(calendar.extend(at("2026-09-30T18:00"), TimeLimit.of(1, LimitUnit.WORKING_DAYS)))
                .isEqualTo(at("2026-10-08T18:00"));
    }

    @Test
    void defaultPoliciesFollowTheDomain() {
        assertThat(calendar.limitFor(LimitStage.HANDLE, "COMPLAINT", "NORMAL", List.of()))
                .isEqualTo(TimeLimit.of(15, LimitUnit.WORKING_DAYS));
        assertThat(calendar.limitFor(LimitStage.HANDLE, "COMPLAINT", "EMERGENCY", List.of()))
                .isEqualTo(TimeLimit.of(2, LimitUnit.HOURS));
        assertThat(calendar.limitFor(LimitStage.HANDLE, "CONSULTATION", "NORMAL", List.of()))
                .isEqualTo(TimeLimit.of(2, LimitUnit.WORKING_DAYS));
        assertThat(calendar.limitFor(LimitStage.SIGN, "HELP", "EMERGENCY", List.of()))
                .isEqualTo(TimeLimit.of(30, LimitUnit.MINUTES));
        assertThat(calendar.limitFor(LimitStage.SIGN, "HELP", "NORMAL", List.of()))
                .isEqualTo(TimeLimit.of(24, LimitUnit.HOURS));
    }

    @Test
    void aCategoryPolicyBeatsTheTypePolicyAndOnlyTheManagerEditsPolicies() {
        var manager = ApiClient.loggedIn(port, "manager");
        var created = manager.post("/api/calendar/time-limits", Map.of("stage", "HANDLE", "appealType", "COMPLAINT",
                "categoryId", 987654, "amount", 3, "unit", "WORKING_DAYS"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(calendar.limitFor(LimitStage.HANDLE, "COMPLAINT", "NORMAL", List.of(987654L, 1L)))
                .isEqualTo(TimeLimit.of(3, LimitUnit.WORKING_DAYS));
        var agent = ApiClient.loggedIn(port, "agent1");
        assertThat(agent.post("/api/calendar/time-limits", Map.of("stage", "HANDLE", "amount", 1, "unit", "HOURS"))
                .status()).isEqualTo(403);
        var duplicate = manager.post("/api/calendar/time-limits", Map.of("stage", "HANDLE", "appealType", "COMPLAINT",
                "categoryId", 987654, "amount", 4, "unit", "WORKING_DAYS"));
        assertThat(duplicate.status()).isEqualTo(409);
        long id = created.json().path("id").asLong();
        assertThat(manager.delete("/api/calendar/time-limits/" + id).status()).isEqualTo(204);
    }

    @Test
    void theManagerMarksAHolidayAndDeadlinesMoveAtOnce() {
        var manager = ApiClient.loggedIn(port, "manager");
        Instant start = at("2027-03-01T10:00"); // a Monday in a year without an official arrangement yet
        assertThat(local(calendar.dueAt(start, TimeLimit.of(1, LimitUnit.WORKING_DAYS))).toLocalDate())
                .isEqualTo(LocalDate.of(2027, 3, 2));
        var saved = manager.put("/api/calendar/days/2027-03-02", Map.of("kind", "HOLIDAY", "name", "测试假日"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(local(calendar.dueAt(start, TimeLimit.of(1, LimitUnit.WORKING_DAYS))).toLocalDate())
                .isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(manager.get("/api/calendar/years/2027/days").body()).contains("测试假日");
        assertThat(manager.delete("/api/calendar/days/2027-03-02").status()).isEqualTo(204);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 2))).isTrue();
        var agent = ApiClient.loggedIn(port, "agent2");
        assertThat(agent.put("/api/calendar/days/2027-03-02", Map.of("kind", "HOLIDAY", "name", "x")).status())
                .isEqualTo(403);
        var years = manager.get("/api/calendar/years").json();
        assertThat(years.toString()).contains("国办发明电〔2024〕12号");
    }

    @Test
    void timersFireYellowThenRedEachOnce() {
        long subject = System.nanoTime();
        Instant start = Instant.now().plusSeconds(3600);
        Deadline d = calendar.deadline(start, TimeLimit.of(10, LimitUnit.HOURS));
        assertThat(d.yellowAt()).isEqualTo(start.plusSeconds(8 * 3600));
        calendar.schedule("test.subject", subject, d);
        calendar.schedule("test.subject", subject, d); // the same deadline again: nothing new

        calendar.fireDueTimers(d.yellowAt().minusSeconds(1));
        assertThat(firedFor(subject)).isEmpty();
        calendar.fireDueTimers(d.yellowAt().plusSeconds(1));
        assertThat(firedFor(subject)).containsExactly("YELLOW");
        calendar.fireDueTimers(d.dueAt().plusSeconds(1));
        List<String> once = firedMoments(subject);
        calendar.fireDueTimers(d.dueAt().plusSeconds(30));
        calendar.schedule("test.subject", subject, d);
        calendar.fireDueTimers(d.dueAt().plusSeconds(60));
        assertThat(firedFor(subject)).containsExactly("YELLOW", "RED");
        assertThat(firedMoments(subject)).isEqualTo(once);
    }

    @Test
    void aMovedDeadlineReplacesThePendingTimersAndACancelledOneNeverFires() {
        long subject = System.nanoTime();
        Instant start = Instant.now().plusSeconds(7200);
        calendar.schedule("test.subject", subject, calendar.deadline(start, TimeLimit.of(1, LimitUnit.HOURS)));
        Deadline later = calendar.deadline(start, TimeLimit.of(5, LimitUnit.HOURS));
        calendar.schedule("test.subject", subject, later);
        calendar.fireDueTimers(start.plusSeconds(3601));
        assertThat(firedFor(subject)).isEmpty();
        calendar.cancel("test.subject", subject);
        calendar.fireDueTimers(later.dueAt().plusSeconds(1));
        assertThat(firedFor(subject)).isEmpty();
    }

    /** The lights fired for the subject with the moment each fired, oldest first. */
    private List<String> firedFor(long subject) {
        return jdbc.sql("""
                select light || '@' || extract(epoch from fired_at)::bigint from calendar_timer
                 where subject_type = 'test.subject' and subject_id = ? and fired_at is not null order by due_at""")
                .param(subject).query(String.class).list().stream().map(s -> s.substring(0, s.indexOf('@'))).toList();
    }

    private List<String> firedMoments(long subject) {
        return jdbc.sql("""
                select light || '@' || extract(epoch from fired_at)::bigint from calendar_timer
                 where subject_type = 'test.subject' and subject_id = ? and fired_at is not null order by due_at""")
                .param(subject).query(String.class).list();
    }
}
