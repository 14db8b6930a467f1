package org.openhotline.training.internal.learning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 热点培训通知: a hot topic (a new policy, an emergency) every agent must read and confirm within 24 hours of
 * publication (seed 003). Opening it records the reading; confirming says the agent has understood it. The manager sees
 * who has not confirmed yet, and who missed the deadline.
 */
@Service
public class Notices {

    static final Duration WITHIN = Duration.ofHours(24);

    public record Notice(long id, String title, String body, Instant publishedAt, Instant dueAt) {}

    public record MyNotice(long id, String title, String body, Instant publishedAt, Instant dueAt, Instant readAt,
                           Instant confirmedAt) {}

    public record Pending(long accountId, String name, String agentNo, Instant readAt, boolean overdue) {}

    public record Status(Notice notice, int agents, int confirmed, int confirmedInTime, List<Pending> pending) {}

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final Clock clock;

    Notices(JdbcClient jdbc, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.clock = clock;
    }

    public long publish(String title, String body, long by) {
        if (title == null || title.isBlank() || title.length() > 200 || body == null || body.isBlank() || body.length() > 8000) {
            throw DomainException.invalid("标题不超过 200 个字，正文不能为空且不超过 8000 个字");
        }
        Instant now = clock.instant();
        return jdbc.sql("insert into tr_notice (title, body, published_at, due_at, created_by) values (?, ?, ?, ?, ?) returning id")
                .params(title.strip(), body.strip(), Timestamp.from(now), Timestamp.from(now.plus(WITHIN)), by)
                .query(Long.class).single();
    }

    public List<Notice> list() {
        return jdbc.sql("select id, title, body, published_at, due_at from tr_notice order by published_at desc limit 100")
                .query(Notice.class).list();
    }

    public List<MyNotice> mine(long accountId) {
        return jdbc.sql("""
                select n.id, n.title, n.body, n.published_at, n.due_at, a.read_at, a.confirmed_at
                  from tr_notice n left join tr_notice_ack a on a.notice_id = n.id and a.account_id = ?
                 where n.published_at > ? order by n.published_at desc""")
                .params(accountId, Timestamp.from(clock.instant().minus(Duration.ofDays(30)))).query(MyNotice.class).list();
    }

    public void read(long id, long accountId, boolean confirm) {
        Timestamp now = Timestamp.from(clock.instant());
        int rows = jdbc.sql("""
                insert into tr_notice_ack (notice_id, account_id, read_at, confirmed_at)
                select id, ?, ?, ? from tr_notice where id = ?
                on conflict (notice_id, account_id) do update
                   set confirmed_at = coalesce(tr_notice_ack.confirmed_at, excluded.confirmed_at)""")
                .params(accountId, now, confirm ? now : null, id).update();
        if (rows == 0) {
            throw DomainException.notFound("通知不存在");
        }
    }

    public Status status(long id) {
        Notice n = jdbc.sql("select id, title, body, published_at, due_at from tr_notice where id = ?").param(id)
                .query(Notice.class).optional().orElseThrow(() -> DomainException.notFound("通知不存在"));
        record Ack(long accountId, Instant readAt, Instant confirmedAt) {}
        var acks = new java.util.HashMap<Long, Ack>();
        jdbc.sql("select account_id, read_at, confirmed_at from tr_notice_ack where notice_id = ?").param(id)
                .query(Ack.class).list().forEach(a -> acks.put(a.accountId(), a));
        var agents = staff.withRole(Role.AGENT);
        boolean past = clock.instant().isAfter(n.dueAt());
        int confirmed = 0;
        int inTime = 0;
        List<Pending> pending = new java.util.ArrayList<>();
        for (var s : agents) {
            Ack a = acks.get(s.accountId());
            if (a != null && a.confirmedAt() != null) {
                confirmed++;
                if (!a.confirmedAt().isAfter(n.dueAt())) {
                    inTime++;
                }
            } else {
                pending.add(new Pending(s.accountId(), s.displayName(), s.agentNo(), a == null ? null : a.readAt(), past));
            }
        }
        return new Status(n, agents.size(), confirmed, inTime, pending);
    }
}
