package org.openhotline.workorder.internal.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.EmergencyHandOvers;
import org.openhotline.workorder.internal.model.WorkOrder;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link EmergencyHandOvers}: one timeline step ({@code emergency-hand-over}) on each order of the call. */
@Component
class EmergencyHandOverSteps implements EmergencyHandOvers {

    private final WorkOrders orders;
    private final JdbcClient jdbc;
    private final Clock clock;

    EmergencyHandOverSteps(WorkOrders orders, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean isOfCall(long orderId, String callId) {
        return jdbc.sql("select count(*) from work_order where id = ? and call_id = ?").params(orderId, callId)
                .query(Long.class).single() > 0;
    }

    @Override
    @Transactional
    public List<String> handedOver(String callId, Long orderId, String note, String agentUsername, String agentName) {
        List<Long> ids = jdbc.sql("select id from work_order where call_id = ? order by id").param(callId).query(Long.class).list();
        if (orderId != null) {
            // The order named by the phone bar must be one of this call: an agent cannot write on any order.
            if (!ids.contains(orderId)) {
                throw DomainException.invalid("该工单不是本次通话的工单");
            }
            ids = List.of(orderId);
        }
        Instant now = clock.instant();
        List<String> numbers = new ArrayList<>();
        for (long id : ids) {
            WorkOrder o = orders.load(id);
            o.annotate(new Actor(agentUsername, agentName), now, "emergency-hand-over", note, Map.of("callId", callId), null);
            orders.save(o, now);
            numbers.add(o.number());
        }
        return numbers;
    }
}
