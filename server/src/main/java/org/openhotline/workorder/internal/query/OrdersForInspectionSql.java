package org.openhotline.workorder.internal.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.OrdersForInspection;
import org.openhotline.workorder.OrdersOfCalls.CallOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link OrdersForInspection} over {@code work_order}: one statement for a month (the created_at index). */
@Component
class OrdersForInspectionSql implements OrdersForInspection {

    private final JdbcClient jdbc;

    OrdersForInspectionSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RecordedOrder> recordedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                select o.id, o.number, o.call_id, o.appeal_type, o.title, o.created_by, o.created_at, o.caller_phone,
                       exists (select 1 from wo_request r where r.work_order_id = o.id and r.kind = 'RETURN'
                                  and r.state = 'APPROVED') as returned,
                       exists (select 1 from wo_callback b where b.work_order_id = o.id
                                  and b.satisfaction = 'DISSATISFIED') as dissatisfied
                  from work_order o
                 where o.created_at >= ? and o.created_at < ? and o.merged_into is null
                 order by o.created_at, o.id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new RecordedOrder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        PersonalData.open(rs.getString(8)), rs.getBoolean(9), // sealed at rest (ADR 041); QC groups repeat callers
                        rs.getBoolean(10)))
                .list();
    }

    @Override
    public Optional<CallOrder> byId(long id) {
        return jdbc.sql("select id, number, call_id, appeal_type, title, created_by from work_order where id = ?")
                .param(id).query(CallOrder.class).optional();
    }
}
