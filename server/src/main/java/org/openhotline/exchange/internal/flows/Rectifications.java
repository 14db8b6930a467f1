package org.openhotline.exchange.internal.flows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.exchange.internal.pipe.Counterpart;
import org.openhotline.exchange.internal.pipe.ExchangeProperties;
import org.openhotline.exchange.internal.pipe.IncomingMessage;
import org.openhotline.exchange.internal.pipe.Outbox;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.ExchangeOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * 差评整改: a 差评 the 好差评 platform returns for rectification becomes a supervised task due in 5 working days
 * (on the order's timeline too); the supervisor's result goes back as {@code evaluation.rectified}.
 */
@Component
public class Rectifications implements IncomingMessage {

    public record Task(long id, String counterpart, String number, long workOrderId, String reason, Instant dueAt,
                       String state, String result, int version) {}

    private final JdbcClient jdbc;
    private final ExchangeOrders orders;
    private final BusinessCalendar calendar;
    private final Outbox outbox;
    private final ExchangeProperties properties;
    private final Clock clock;

    Rectifications(JdbcClient jdbc, ExchangeOrders orders, BusinessCalendar calendar, Outbox outbox,
                   ExchangeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.calendar = calendar;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "evaluation.rectify";
    }

    @Override
    public void apply(Counterpart from, String orderKey, long seq, JsonNode p) {
        String number = p.path("number").asString();
        Long orderId = jdbc.sql("select work_order_id from ex_link where counterpart = ? and order_key = ?")
                .params(from.code(), orderKey).query(Long.class).optional().orElse(null);
        if (orderId == null) {
            throw new IllegalStateException("整改的工单 " + number + " 没有推送过评价");
        }
        Instant now = clock.instant();
        Instant due = calendar.dueAt(now, TimeLimit.of(5, LimitUnit.WORKING_DAYS));
        int rows = jdbc.sql("""
                insert into ex_rectification (counterpart, order_key, work_order_id, number, reason, due_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (counterpart, order_key) do nothing""")
                .params(from.code(), orderKey, orderId, number, p.path("reason").asString(), due.atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC)).update();
        if (rows == 1) {
            orders.remoteStep(orderId, from.name(), "rectify", "差评整改：" + p.path("reason").asString() + "（5个工作日内完成）");
        }
    }

    public List<Task> list(String state) {
        return jdbc.sql("select * from ex_rectification where (cast(:s as varchar) is null or state = :s) order by due_at limit 200")
                .param("s", state).query((rs, n) -> new Task(rs.getLong("id"), rs.getString("counterpart"),
                        rs.getString("number"), rs.getLong("work_order_id"), rs.getString("reason"),
                        rs.getTimestamp("due_at").toInstant(), rs.getString("state"), rs.getString("result"),
                        rs.getInt("version")))
                .list();
    }

    /** The supervisor records the result; it is fed back to the 好差评 platform in the same transaction. */
    @Transactional
    public void complete(long id, int version, String result, String by) {
        record Row(String counterpart, String orderKey, long orderId, String number) {}
        Row row = jdbc.sql("select counterpart, order_key, work_order_id, number from ex_rectification where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).optional()
                .orElseThrow(() -> DomainException.notFound("整改任务不存在"));
        Instant now = clock.instant();
        int rows = jdbc.sql("""
                update ex_rectification set state = 'DONE', result = ?, done_by = ?, done_at = ?, version = version + 1
                 where id = ? and version = ? and state = 'OPEN'""")
                .params(result, by, now.atOffset(ZoneOffset.UTC), id, version).update();
        if (rows == 0) {
            throw DomainException.conflict("整改任务已被他人处理或已完成，请刷新");
        }
        orders.remoteStep(row.orderId(), properties.selfName(), "rectified", "差评整改完成：" + result);
        outbox.write(properties.self(), row.counterpart(), row.orderKey(), "evaluation.rectified",
                Map.of("number", row.number(), "result", result, "onTime", !now.isAfter(jdbc.sql(
                        "select due_at from ex_rectification where id = ?").param(id)
                        .query(java.sql.Timestamp.class).single().toInstant())), now);
    }
}
