package org.openhotline.calendar.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code calendar_year} and {@code calendar_day}, and a snapshot of them in memory: deadlines are computed
 * on every dispatch, so they must not query the database. The snapshot is rebuilt after each edit and every few
 * minutes (edits made through another instance).
 */
@Repository
public class CalendarDays {

    static final LocalTime DEFAULT_WORK_START = LocalTime.of(9, 0);
    static final LocalTime DEFAULT_WORK_END = LocalTime.of(18, 0);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile WorkingTime snapshot;

    CalendarDays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Year(int year, LocalTime workStart, LocalTime workEnd, String source, long holidays, long workdays) {}

    public record Day(LocalDate day, String kind, String name) {}

    public WorkingTime workingTime() {
        WorkingTime s = snapshot;
        return s != null ? s : reload();
    }

    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    public synchronized WorkingTime reload() {
        Map<LocalDate, String> exceptions = new HashMap<>();
        jdbc.sql("select day, kind from calendar_day").query(rs -> {
            exceptions.put(rs.getObject("day", LocalDate.class), rs.getString("kind"));
        });
        Map<Integer, LocalTime> starts = new HashMap<>();
        Map<Integer, LocalTime> ends = new HashMap<>();
        jdbc.sql("select year, work_start, work_end from calendar_year").query(rs -> {
            starts.put(rs.getInt("year"), rs.getObject("work_start", LocalTime.class));
            ends.put(rs.getInt("year"), rs.getObject("work_end", LocalTime.class));
        });
        snapshot = new WorkingTime(clock.getZone(), Map.copyOf(exceptions), Map.copyOf(starts), Map.copyOf(ends),
                DEFAULT_WORK_START, DEFAULT_WORK_END);
        return snapshot;
    }

    public List<Year> years() {
        return jdbc.sql("""
                select y.year, y.work_start, y.work_end, y.source,
                       (select count(*) from calendar_day d where extract(year from d.day) = y.year and d.kind = 'HOLIDAY') as holidays,
                       (select count(*) from calendar_day d where extract(year from d.day) = y.year and d.kind = 'WORKDAY') as workdays
                  from calendar_year y order by y.year""")
                .query((rs, n) -> new Year(rs.getInt("year"), rs.getObject("work_start", LocalTime.class),
                        rs.getObject("work_end", LocalTime.class), rs.getString("source"), rs.getLong("holidays"),
                        rs.getLong("workdays")))
                .list();
    }

    public List<Day> days(int year) {
        return jdbc.sql("select day, kind, name from calendar_day where day between ? and ? order by day")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getString("kind"), rs.getString("name")))
                .list();
    }

    public void saveYear(int year, LocalTime workStart, LocalTime workEnd, String source) {
        if (!workEnd.isAfter(workStart)) {
            throw DomainException.invalid("下班时间必须晚于上班时间");
        }
        jdbc.sql("""
                insert into calendar_year (year, work_start, work_end, source, updated_at) values (?, ?, ?, ?, ?)
                on conflict (year) do update set work_start = excluded.work_start, work_end = excluded.work_end,
                       source = excluded.source, updated_at = excluded.updated_at""")
                .params(year, workStart, workEnd, source, OffsetDateTime.now(clock)).update();
        reload();
    }

    public void saveDay(LocalDate day, String kind, String name) {
        jdbc.sql("""
                insert into calendar_day (day, kind, name) values (?, ?, ?)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name""")
                .params(day, kind, name).update();
        ensureYear(day.getYear());
        reload();
    }

    public void removeDay(LocalDate day) {
        if (jdbc.sql("delete from calendar_day where day = ?").param(day).update() == 0) {
            throw DomainException.notFound("该日期没有节假日或调休设置");
        }
        reload();
    }

    private void ensureYear(int year) {
        jdbc.sql("insert into calendar_year (year, work_start, work_end, updated_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(year, DEFAULT_WORK_START, DEFAULT_WORK_END, OffsetDateTime.now(clock)).update();
    }
}
