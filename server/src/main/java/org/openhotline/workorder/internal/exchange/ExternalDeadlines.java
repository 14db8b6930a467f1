package org.openhotline.workorder.internal.exchange;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The due times another platform set for an order it handed us (省交办件). An assignment made for such an order
 * is due no later than these, so the platform's deadlines are the ones our units are measured against.
 */
@Component
public class ExternalDeadlines {

    public record Due(Instant signDueAt, Instant handleDueAt) {}

    private final JdbcClient jdbc;

    ExternalDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Due> of(long workOrderId) {
        return jdbc.sql("select sign_due_at, handle_due_at from wo_external_deadline where work_order_id = ?")
                .param(workOrderId)
                .query((rs, n) -> new Due(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))))
                .optional();
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
