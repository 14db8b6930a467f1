package org.openhotline.workorder.internal.special;

import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.internal.model.OrderGates;
import org.openhotline.workorder.internal.model.WorkOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Table {@code wo_special_review} and the gates it keeps: a special order is dispatched (or closed) only after its
 * latest second review for that gate approved it, and not by the person who gave that approval.
 */
@Component
class SpecialReviews implements OrderGates {

    enum Gate {
        DISPATCH("派单"), CLOSE("办结");

        final String label;

        Gate(String label) {
            this.label = label;
        }
    }

    record Review(String gate, boolean approved, String reason, String byUser, String byName, java.time.Instant at) {}

    private final JdbcClient jdbc;
    private final SpecialFlags flags;

    SpecialReviews(JdbcClient jdbc, SpecialFlags flags) {
        this.jdbc = jdbc;
        this.flags = flags;
    }

    @Override
    public void beforeDispatch(WorkOrder order, String username) {
        require(order, Gate.DISPATCH, username);
    }

    @Override
    public void beforeClose(WorkOrder order, String username) {
        require(order, Gate.CLOSE, username);
    }

    private void require(WorkOrder order, Gate gate, String username) {
        if (!flags.isSpecial(order.id())) {
            return;
        }
        Review last = latest(order.id(), gate);
        if (last == null || !last.approved()) {
            throw DomainException.conflict("特殊工单须经二次审核通过后才能" + gate.label
                    + (last == null ? "" : "（最近一次审核未通过：" + last.reason() + "）")).with("code", "special-review-required");
        }
        if (last.byUser().equals(username)) {
            throw DomainException.conflict("特殊工单的二次审核人不能同时" + gate.label + "，请由其他人员" + gate.label)
                    .with("code", "special-review-same-person");
        }
    }

    Review latest(long orderId, Gate gate) {
        return jdbc.sql("""
                select gate, approved, reason, by_user, by_name, at from wo_special_review
                 where work_order_id = ? and gate = ? order by at desc, id desc limit 1""")
                .params(orderId, gate.name()).query((rs, n) -> review(rs)).optional().orElse(null);
    }

    List<Review> all(long orderId) {
        return jdbc.sql("""
                select gate, approved, reason, by_user, by_name, at from wo_special_review
                 where work_order_id = ? order by at, id""").param(orderId).query((rs, n) -> review(rs)).list();
    }

    void insert(long orderId, Gate gate, boolean approved, String reason, String byUser, String byName, java.time.Instant at) {
        jdbc.sql("""
                insert into wo_special_review (work_order_id, gate, approved, reason, by_user, by_name, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, gate.name(), approved, reason, byUser, byName,
                        org.openhotline.workorder.internal.model.WorkOrders.ts(at))
                .update();
    }

    /** Who took the first step the second review checks: the intake (dispatch) or the reply's acceptance (close). */
    String firstStepBy(WorkOrder order, Gate gate) {
        if (gate == Gate.DISPATCH) {
            return order.createdBy();
        }
        return jdbc.sql("""
                select actor from wo_timeline where work_order_id = ? and action = 'reply-accepted'
                 order by id desc limit 1""").param(order.id()).query(String.class).optional().orElse(null);
    }

    Map<String, Object> view(long orderId) {
        return Map.of("special", flags.isSpecial(orderId), "flags", flags.of(orderId), "reviews", all(orderId));
    }

    private static Review review(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Review(rs.getString("gate"), rs.getBoolean("approved"), rs.getString("reason"), rs.getString("by_user"),
                rs.getString("by_name"), rs.getTimestamp("at").toInstant());
    }
}
