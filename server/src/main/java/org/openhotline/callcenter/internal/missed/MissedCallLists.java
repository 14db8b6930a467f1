package org.openhotline.callcenter.internal.missed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.openhotline.shared.crypto.PersonalData;

/**
 * The lists 未接来电 (every missed call), 漏话 (the caller hung up) and 电话留言 (a voicemail was left), each call with
 * its callback task, and the figures over the tasks of a period. One query serves the screen, its paging and the
 * Excel export, so that they always agree.
 */
@Component
class MissedCallLists {

    enum Kind {
        UNANSWERED("未接来电", "true"),
        ABANDONED("漏话", "m.point in ('QUEUE', 'RINGING', 'IVR')"),
        VOICEMAIL("电话留言", "m.voicemail_path is not null");

        final String title;
        final String condition;

        Kind(String title, String condition) {
            this.title = title;
            this.condition = condition;
        }
    }

    /** The sort keys a screen may ask for, each mapped to its column (nothing from the request reaches the SQL). */
    private static final Map<String, String> SORTS = Map.of("missedAt", "m.missed_at", "wait", "wait_s",
            "attempts", "attempts", "timeToCallback", "time_to_callback_s", "status", "t.status");

    record Filter(Kind kind, LocalDate from, LocalDate to, String number, String status, Long groupId) {}

    record Row(String callId, String number, OffsetDateTime missedAt, String point, String pointLabel, String groupName,
               Double waitSeconds, boolean voicemail, long taskId, String status, String statusLabel, long attempts,
               String lastOutcome, String lastOutcomeLabel, OffsetDateTime firstAttemptAt, Double timeToCallbackSeconds,
               OffsetDateTime closedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    MissedCallLists(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Filter filter(String kind, LocalDate from, LocalDate to, String number, String status, Long groupId) {
        Kind k;
        try {
            k = Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("列表只能是 unanswered（未接来电）、abandoned（漏话）或 voicemail（电话留言）");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.minusDays(6) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f)) {
            throw DomainException.badRequest("结束日期不能早于开始日期");
        }
        if (f.plusYears(1).isBefore(t)) {
            throw DomainException.badRequest("查询范围不能超过一年");
        }
        if (status != null && !status.isBlank() && !MissedCallLabels.STATUS.containsKey(status)) {
            throw DomainException.badRequest("回拨状态不正确");
        }
        if (number != null && number.length() > 30) {
            throw DomainException.badRequest("号码最长 30 位");
        }
        // numbers are sealed at rest (ADR 041): the blind index finds a whole number, never a part of one
        if (number != null && !number.isBlank() && PersonalData.normalPhone(number).length() < 7) {
            throw DomainException.badRequest("来电号码已加密存储，只能按完整号码查询（至少 7 位数字）");
        }
        return new Filter(k, f, t, number == null || number.isBlank() ? null : number.trim(),
                status == null || status.isBlank() ? null : status, groupId);
    }

    private String from(Filter f) {
        return """
                 from cc_missed_call m join cc_missed_task t on t.id = m.task_id join cc_call c on c.id = m.call_id
                 left join cc_skill_group g on g.id = c.group_id
                where m.missed_at >= :from and m.missed_at < :to and %s
                  and (cast(:number as bytea) is null or m.number_index = cast(:number as bytea))
                  and (cast(:status as varchar) is null or t.status = cast(:status as varchar))
                  and (cast(:groupId as bigint) is null or c.group_id = cast(:groupId as bigint))""".formatted(f.kind().condition);
    }

    private Map<String, Object> params(Filter f) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", f.from().atStartOfDay(clock.getZone()).toOffsetDateTime());
        p.put("to", f.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        p.put("number", f.number() == null ? null : PersonalData.phoneIndex(f.number()));
        p.put("status", f.status());
        p.put("groupId", f.groupId());
        return p;
    }

    long count(Filter f) {
        return jdbc.sql("select count(*)" + from(f)).params(params(f)).query(Long.class).single();
    }

    List<Row> rows(Filter f, String sort, String direction, int limit, int offset) {
        String column = SORTS.get(sort == null ? "missedAt" : sort);
        if (column == null) {
            throw DomainException.badRequest("排序字段只能是 missedAt、wait、attempts、timeToCallback 或 status");
        }
        String dir = "asc".equalsIgnoreCase(direction) ? "asc" : "desc";
        return jdbc.sql("""
                select m.call_id, m.number, m.missed_at, m.point, g.name as group_name,
                       extract(epoch from coalesce(c.ended_at, m.missed_at) - coalesce(c.queued_at, c.arrived_at))::float8 as wait_s,
                       m.voicemail_path is not null as voicemail, t.id as task_id, t.status,
                       (select count(*) from cc_missed_attempt x where x.task_id = t.id) as attempts,
                       (select x.outcome from cc_missed_attempt x where x.task_id = t.id and x.outcome is not null
                         order by x.recorded_at desc limit 1) as last_outcome,
                       t.first_attempt_at,
                       case when t.first_attempt_at > m.missed_at
                            then extract(epoch from t.first_attempt_at - m.missed_at)::float8 end as time_to_callback_s,
                       t.closed_at""" + from(f) + " order by " + column + " " + dir + " nulls last, m.call_id limit " + limit
                + " offset " + offset)
                .params(params(f)).query((rs, n) -> new Row(rs.getString("call_id"), PersonalData.open(rs.getString("number")),
                        rs.getObject("missed_at", OffsetDateTime.class), rs.getString("point"),
                        MissedCallLabels.of(MissedCallLabels.POINT, rs.getString("point")), rs.getString("group_name"),
                        rs.getObject("wait_s", Double.class), rs.getBoolean("voicemail"), rs.getLong("task_id"),
                        rs.getString("status"), MissedCallLabels.of(MissedCallLabels.STATUS, rs.getString("status")),
                        rs.getLong("attempts"), rs.getString("last_outcome"),
                        MissedCallLabels.of(MissedCallLabels.OUTCOME, rs.getString("last_outcome")),
                        rs.getObject("first_attempt_at", OffsetDateTime.class), rs.getObject("time_to_callback_s", Double.class),
                        rs.getObject("closed_at", OffsetDateTime.class))).list();
    }

    /**
     * 回拨率 = tasks closed (called back, got through, unreachable after N tries, wrong number) ÷ tasks, over the tasks
     * of the period's days; the time to callback runs from the first miss to the first try.
     */
    record Figures(LocalDate from, LocalDate to, long tasks, long open, long calledBack, long gotThrough, long unreachable,
                   long wrongNumber, Double callbackRate, Double reachedRate, Double avgTimeToCallbackSeconds,
                   Double avgTimeToCloseSeconds, long unansweredCalls, long abandonedCalls, long voicemails) {}

    Figures figures(Filter f) {
        var p = params(f);
        p.put("dayFrom", f.from());
        p.put("dayTo", f.to());
        var figures = jdbc.sql("""
                select count(*) as tasks,
                       count(*) filter (where status = 'OPEN') as open,
                       count(*) filter (where status = 'CALLED_BACK') as called_back,
                       count(*) filter (where status = 'GOT_THROUGH') as got_through,
                       count(*) filter (where status = 'UNREACHABLE') as unreachable,
                       count(*) filter (where status = 'WRONG_NUMBER') as wrong_number
                  from cc_missed_task where day between :dayFrom and :dayTo""").params(p)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)})
                .single();
        var times = jdbc.sql("""
                select avg(extract(epoch from first_attempt_at - first_missed_at))::float8,
                       avg(extract(epoch from closed_at - first_missed_at))::float8
                  from cc_missed_task where day between :dayFrom and :dayTo""").params(p)
                .query((rs, n) -> new Double[]{rs.getObject(1, Double.class), rs.getObject(2, Double.class)}).single();
        var calls = jdbc.sql("""
                select count(*), count(*) filter (where point in ('QUEUE', 'RINGING', 'IVR')),
                       count(*) filter (where voicemail_path is not null)
                  from cc_missed_call m where m.missed_at >= :from and m.missed_at < :to""").params(p)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        long tasks = figures[0];
        return new Figures(f.from(), f.to(), tasks, figures[1], figures[2], figures[3], figures[4], figures[5],
                tasks == 0 ? null : (double) (tasks - figures[1]) / tasks,
                tasks == 0 ? null : (double) (figures[2] + figures[3]) / tasks, times[0], times[1], calls[0], calls[1], calls[2]);
    }
}
