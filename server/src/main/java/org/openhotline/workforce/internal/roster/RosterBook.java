package org.openhotline.workforce.internal.roster;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The workforce tables behind rosters: templates, profiles, rosters with their needs and shifts. SQL in plain sight. */
@Component
class RosterBook {

    record Roster(long id, LocalDate month, String status, String score, Long solveMillis, int version) {
        int days() {
            return month.lengthOfMonth();
        }
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    RosterBook(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<ShiftTemplate> templates() {
        return jdbc.sql("select code, name, start_minute, minutes, night from wf_shift_template order by sort, code")
                .query(ShiftTemplate.class).list();
    }

    Map<String, ShiftTemplate> templatesByCode() {
        Map<String, ShiftTemplate> map = new LinkedHashMap<>();
        templates().forEach(t -> map.put(t.code(), t));
        return map;
    }

    record Profile(long accountId, String skills, int maxWeekMinutes, int maxMonthMinutes, boolean nightAllowed) {}

    Map<Long, Profile> profiles() {
        Map<Long, Profile> map = new HashMap<>();
        jdbc.sql("select account_id, skills, max_week_minutes, max_month_minutes, night_allowed from wf_agent_profile")
                .query(Profile.class).list().forEach(p -> map.put(p.accountId(), p));
        return map;
    }

    void saveProfile(Profile p) {
        jdbc.sql("""
                insert into wf_agent_profile (account_id, skills, max_week_minutes, max_month_minutes, night_allowed)
                values (?, ?, ?, ?, ?) on conflict (account_id) do update set skills = excluded.skills,
                       max_week_minutes = excluded.max_week_minutes, max_month_minutes = excluded.max_month_minutes,
                       night_allowed = excluded.night_allowed""")
                .params(p.accountId(), p.skills(), p.maxWeekMinutes(), p.maxMonthMinutes(), p.nightAllowed()).update();
    }

    long create(LocalDate month, String score, long millis, long by, Instant at) {
        return jdbc.sql("""
                insert into wf_roster (month, status, score, solve_millis, created_by, created_at)
                values (?, 'DRAFT', ?, ?, ?, ?) returning id""")
                .params(month, score, millis, by, Timestamp.from(at)).query(Long.class).single();
    }

    void saveNeeds(long rosterId, LocalDate first, int[][] needs, int[][] dialect) {
        for (int d = 0; d < needs.length; d++) {
            jdbc.sql("insert into wf_roster_need (roster_id, day, needs, dialect) values (?, ?, ?, ?)")
                    .params(rosterId, first.plusDays(d), toArray(needs[d]), toArray(dialect[d])).update();
        }
    }

    private static Integer[] toArray(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    void saveShifts(long rosterId, LocalDate first, Map<Long, ShiftTemplate[]> grid) {
        List<Object[]> rows = new ArrayList<>();
        grid.forEach((agent, row) -> {
            for (int d = 0; d < row.length; d++) {
                rows.add(new Object[] {rosterId, agent, first.plusDays(d), row[d] == null ? null : row[d].code()});
            }
        });
        batch.batchUpdate("insert into wf_roster_shift (roster_id, account_id, day, shift_code) values (?, ?, ?, ?)", rows);
    }

    Roster roster(long id) {
        return jdbc.sql("select id, month, status, score, solve_millis, version from wf_roster where id = ?").param(id)
                .query(Roster.class).optional().orElseThrow(() -> DomainException.notFound("排班表不存在"));
    }

    List<Roster> rosters() {
        return jdbc.sql("select id, month, status, score, solve_millis, version from wf_roster order by month desc, id desc limit 50")
                .query(Roster.class).list();
    }

    /** Agent → shift code per day of the roster's month (null for a day off). */
    Map<Long, String[]> shifts(Roster r) {
        Map<Long, String[]> grid = new LinkedHashMap<>();
        jdbc.sql("select account_id, day, shift_code from wf_roster_shift where roster_id = ? order by account_id, day")
                .param(r.id()).query(rs -> {
                    String[] row = grid.computeIfAbsent(rs.getLong(1), k -> new String[r.days()]);
                    row[rs.getDate(2).toLocalDate().getDayOfMonth() - 1] = rs.getString(3);
                });
        return grid;
    }

    int[][][] needs(Roster r) {
        int[][] needs = new int[r.days()][48];
        int[][] dialect = new int[r.days()][48];
        jdbc.sql("select day, needs, dialect from wf_roster_need where roster_id = ?").param(r.id()).query(rs -> {
            int d = rs.getDate(1).toLocalDate().getDayOfMonth() - 1;
            Integer[] n = (Integer[]) rs.getArray(2).getArray();
            Integer[] x = (Integer[]) rs.getArray(3).getArray();
            for (int s = 0; s < 48; s++) {
                needs[d][s] = n[s];
                dialect[d][s] = x[s];
            }
        });
        return new int[][][] {needs, dialect};
    }

    /** Bumps the version when it is still {@code version}; false when someone changed the roster meanwhile. */
    boolean touch(long id, int version) {
        return jdbc.sql("update wf_roster set version = version + 1 where id = ? and version = ?").params(id, version).update() == 1;
    }

    void setShift(long rosterId, long accountId, LocalDate day, String code) {
        jdbc.sql("""
                insert into wf_roster_shift (roster_id, account_id, day, shift_code) values (?, ?, ?, ?)
                on conflict (roster_id, account_id, day) do update set shift_code = excluded.shift_code""")
                .params(rosterId, accountId, day, code).update();
    }

    void publish(Roster r, long by, Instant at) {
        jdbc.sql("update wf_roster set status = 'SUPERSEDED' where month = ? and status = 'PUBLISHED'").param(r.month()).update();
        jdbc.sql("update wf_roster set status = 'PUBLISHED', published_by = ?, published_at = ? where id = ?")
                .params(by, Timestamp.from(at), r.id()).update();
    }

    /** Approved leave days of each agent inside [first, last], as day indexes from {@code first}. */
    Map<Long, Set<Integer>> requestDays(String kind, Set<String> statuses, LocalDate first, LocalDate last) {
        Map<Long, Set<Integer>> days = new HashMap<>();
        jdbc.sql("""
                select account_id, first_day, last_day from wf_request
                 where kind = :kind and status in (:statuses) and last_day >= :first and first_day <= :last""")
                .param("kind", kind).param("statuses", statuses).param("first", first).param("last", last)
                .query(rs -> {
                    LocalDate from = rs.getDate(2).toLocalDate();
                    LocalDate to = rs.getDate(3).toLocalDate();
                    for (LocalDate d = from.isBefore(first) ? first : from; !d.isAfter(to) && !d.isAfter(last); d = d.plusDays(1)) {
                        days.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add((int) (d.toEpochDay() - first.toEpochDay()));
                    }
                });
        return days;
    }

    record AgentShift(LocalDate day, String code, long rosterId) {}

    List<AgentShift> publishedShifts(long accountId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select s.day, s.shift_code as code, s.roster_id from wf_roster_shift s join wf_roster r on r.id = s.roster_id
                 where r.status = 'PUBLISHED' and s.account_id = ? and s.day between ? and ? and s.shift_code is not null
                 order by s.day""").params(accountId, from, to).query(AgentShift.class).list();
    }

    /** Published shifts of all agents overlapping [from, to] (adherence). */
    Map<Long, Map<LocalDate, String>> publishedShifts(LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, String>> map = new HashMap<>();
        jdbc.sql("""
                select s.account_id, s.day, s.shift_code from wf_roster_shift s join wf_roster r on r.id = s.roster_id
                 where r.status = 'PUBLISHED' and s.day between ? and ? and s.shift_code is not null""")
                .params(from, to).query(rs -> {
                    map.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getDate(2).toLocalDate(), rs.getString(3));
                });
        return map;
    }
}
