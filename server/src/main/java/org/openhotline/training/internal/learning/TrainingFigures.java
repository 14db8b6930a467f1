package org.openhotline.training.internal.learning;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The month's training KPIs (seed 002): exam pass rate — passed among graded sittings of exams that closed in the month —
 * and training coverage — agents who attended a session, finished a material or sat an exam in the month, among all
 * agents — each against its 95 % target.
 */
@Service
public class TrainingFigures {

    public static final double TARGET = 0.95;

    public record Month(String month, int sittings, int passed, double passRate, int agents, int trained,
                        double coverage, double target) {}

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    TrainingFigures(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    public Month of(YearMonth month, ZoneId zone) {
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        record Exams(int sittings, int passed) {}
        Exams e = jdbc.sql("""
                select count(*)::int as sittings, count(*) filter (where s.passed)::int as passed
                  from tr_sitting s join tr_exam x on x.id = s.exam_id
                 where s.status = 'GRADED' and x.closes_at >= ? and x.closes_at < ?""").params(from, to)
                .query(Exams.class).single();
        var agents = staff.withRole(Role.AGENT).stream().map(StaffDirectory.Staff::accountId).toList();
        int trained = agents.isEmpty() ? 0 : jdbc.sql("""
                select count(distinct account_id)::int from (
                    select a.account_id from tr_attendance a join tr_session s on s.id = a.session_id
                     where a.status in ('PRESENT', 'LATE') and s.starts_at >= :from and s.starts_at < :to
                    union all
                    select account_id from tr_learning where completed and last_at >= :from and last_at < :to
                    union all
                    select account_id from tr_sitting where started_at >= :from and started_at < :to
                ) t where account_id in (:agents)""")
                .param("from", from).param("to", to).param("agents", agents).query(Integer.class).single();
        return new Month(month.toString(), e.sittings(), e.passed(), e.sittings() == 0 ? 0 : round((double) e.passed() / e.sittings()),
                agents.size(), trained, agents.isEmpty() ? 0 : round((double) trained / agents.size()), TARGET);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
