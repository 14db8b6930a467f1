package org.openhotline.exchange.internal.flows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which of our orders is which order of a counterpart: ORIGIN when we handed it over (our order waits for their
 * reply), HANDLER when they handed it to us (we owe them the steps and the reply).
 */
@Component
class OrderLinks {

    enum Role { ORIGIN, HANDLER }

    record Link(long workOrderId, String counterpart, String orderKey, Role role) {}

    private final JdbcClient jdbc;

    OrderLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long workOrderId, String counterpart, String orderKey, Role role, String remoteRef, Instant at) {
        jdbc.sql("""
                insert into ex_link (work_order_id, counterpart, order_key, role, remote_ref, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (counterpart, order_key) do nothing""")
                .params(workOrderId, counterpart, orderKey, role.name(), remoteRef, at.atOffset(ZoneOffset.UTC)).update();
    }

    List<Link> ofOrder(long workOrderId) {
        return jdbc.sql("select * from ex_link where work_order_id = ?").param(workOrderId)
                .query((rs, n) -> new Link(rs.getLong("work_order_id"), rs.getString("counterpart"),
                        rs.getString("order_key"), Role.valueOf(rs.getString("role"))))
                .list();
    }

    Optional<Link> find(String counterpart, String orderKey) {
        return jdbc.sql("select * from ex_link where counterpart = ? and order_key = ?").params(counterpart, orderKey)
                .query((rs, n) -> new Link(rs.getLong("work_order_id"), rs.getString("counterpart"),
                        rs.getString("order_key"), Role.valueOf(rs.getString("role"))))
                .optional();
    }

    void remoteRef(String counterpart, String orderKey, String ref) {
        jdbc.sql("update ex_link set remote_ref = ? where counterpart = ? and order_key = ?")
                .params(ref, counterpart, orderKey).update();
    }
}
