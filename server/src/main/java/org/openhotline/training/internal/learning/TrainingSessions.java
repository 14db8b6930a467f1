package org.openhotline.training.internal.learning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 培训课程 with attendance (出勤): who was present, late or absent. */
@Service
public class TrainingSessions {

    public record Session(long id, String title, Instant startsAt, Instant endsAt, String place, String trainer,
                          int present, int absent) {}

    /** One agent on a session's roll: its attendance, null until recorded. */
    public record RollEntry(long accountId, String name, String agentNo, String status) {}

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    TrainingSessions(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /** The session's roll (点名册): every agent, with the attendance recorded so far. */
    public List<RollEntry> roll(long sessionId) {
        if (jdbc.sql("select count(*) from tr_session where id = ?").param(sessionId).query(Long.class).single() == 0) {
            throw DomainException.notFound("培训课程不存在");
        }
        Map<Long, String> recorded = new java.util.HashMap<>();
        jdbc.sql("select account_id, status from tr_attendance where session_id = ?").param(sessionId)
                .query(rs -> {
                    recorded.put(rs.getLong(1), rs.getString(2));
                });
        return staff.withRole(Role.AGENT).stream()
                .sorted(java.util.Comparator.comparing((StaffDirectory.Staff s) -> s.agentNo() == null ? "" : s.agentNo())
                        .thenComparing(StaffDirectory.Staff::accountId))
                .map(s -> new RollEntry(s.accountId(), s.displayName(), s.agentNo(), recorded.get(s.accountId()))).toList();
    }

    public long add(String title, Instant startsAt, Instant endsAt, String place, String trainer) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw DomainException.invalid("课程名称不能为空且不超过 200 个字");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw DomainException.invalid("结束时间应晚于开始时间");
        }
        if (place != null && place.length() > 100 || trainer != null && trainer.length() > 50) {
            throw DomainException.invalid("地点不超过 100 个字，讲师不超过 50 个字");
        }
        return jdbc.sql("insert into tr_session (title, starts_at, ends_at, place, trainer) values (?, ?, ?, ?, ?) returning id")
                .params(title.strip(), Timestamp.from(startsAt), Timestamp.from(endsAt), place, trainer)
                .query(Long.class).single();
    }

    public List<Session> list() {
        return jdbc.sql("""
                select s.id, s.title, s.starts_at, s.ends_at, s.place, s.trainer,
                       count(*) filter (where a.status in ('PRESENT', 'LATE'))::int as present,
                       count(*) filter (where a.status = 'ABSENT')::int as absent
                  from tr_session s left join tr_attendance a on a.session_id = s.id
                 group by s.id order by s.starts_at desc limit 200""").query(Session.class).list();
    }

    @Transactional
    public void attendance(long sessionId, Map<Long, String> statuses) {
        if (jdbc.sql("select count(*) from tr_session where id = ?").param(sessionId).query(Long.class).single() == 0) {
            throw DomainException.notFound("培训课程不存在");
        }
        statuses.forEach((account, status) -> {
            if (!List.of("PRESENT", "LATE", "ABSENT").contains(status)) {
                throw DomainException.invalid("出勤状态应为 PRESENT、LATE 或 ABSENT");
            }
            jdbc.sql("""
                    insert into tr_attendance (session_id, account_id, status) values (?, ?, ?)
                    on conflict (session_id, account_id) do update set status = excluded.status""")
                    .params(sessionId, account, status).update();
        });
    }
}
