package org.openhotline.workorder.internal.query;

import java.util.Collection;
import java.util.List;
import org.openhotline.workorder.OrdersOfCalls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link OrdersOfCalls} over {@code work_order}, in chunks so that a month's sample stays one statement per 5,000 calls. */
@Component
class OrdersOfCallsSql implements OrdersOfCalls {

    private final JdbcClient jdbc;

    OrdersOfCallsSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CallOrder> ofCalls(Collection<String> callIds) {
        List<String> ids = List.copyOf(callIds);
        java.util.ArrayList<CallOrder> out = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += 5000) {
            out.addAll(jdbc.sql("""
                    select id, number, call_id, appeal_type, title, created_by from work_order
                     where call_id = any(?) order by created_at, id""")
                    .param(ids.subList(i, Math.min(ids.size(), i + 5000)).toArray(String[]::new))
                    .query(CallOrder.class).list());
        }
        return out;
    }
}
