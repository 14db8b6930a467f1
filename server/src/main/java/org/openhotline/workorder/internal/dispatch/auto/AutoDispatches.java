package org.openhotline.workorder.internal.dispatch.auto;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The automatic dispatches as {@code wo_dispatch_basis} records them (kind AUTO): an order's latest, marking one
 * undone, and their live accuracy — a miss is an automatic dispatch whose unit's main task ended returned, by an
 * approved return of the unit or by the dispatcher's undo.
 */
@Component
public class AutoDispatches {

    /** An order's automatic dispatch, if its latest dispatch was one. */
    public record Auto(long basisId, long unitId, String unitName, double confidence, Instant at, Instant undoneAt, String undoneBy) {}

    /** Over the last {@code days}: automatic dispatches, their misses, and the share right so far. */
    public record Accuracy(int days, int dispatched, int misdirected, double accuracy) {}

    private final JdbcClient jdbc;

    AutoDispatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Auto> latest(long workOrderId) {
        return jdbc.sql("""
                select b.id, b.main_unit_id,
                       (select a.unit_name from wo_assignment a where a.work_order_id = b.work_order_id
                           and a.unit_id = b.main_unit_id order by a.id desc limit 1),
                       coalesce(b.score, 0), b.at, b.undone_at, b.undone_by, b.kind
                  from wo_dispatch_basis b
                 where b.work_order_id = ? order by b.id desc limit 1""")
                .param(workOrderId)
                .query((rs, n) -> "AUTO".equals(rs.getString(8))
                        ? new Auto(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDouble(4), rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7))
                        : null)
                .optional();
    }

    public void markUndone(long basisId, String by, Instant at) {
        jdbc.sql("update wo_dispatch_basis set undone_at = ?, undone_by = ? where id = ?")
                .params(Timestamp.from(at), by, basisId).update();
    }

    public Accuracy accuracy(int days, Instant now) {
        return jdbc.sql("""
                select count(*), count(*) filter (where b.undone_at is not null or exists (
                           select 1 from wo_assignment a where a.work_order_id = b.work_order_id and a.unit_id = b.main_unit_id
                              and a.role = 'MAIN' and a.state = 'RETURNED'))
                  from wo_dispatch_basis b where b.kind = 'AUTO' and b.at >= ?""")
                .param(Timestamp.from(now.minus(Duration.ofDays(days))))
                .query((rs, n) -> {
                    int all = rs.getInt(1);
                    int missed = rs.getInt(2);
                    return new Accuracy(days, all, missed, all == 0 ? 0 : (double) (all - missed) / all);
                })
                .single();
    }
}
