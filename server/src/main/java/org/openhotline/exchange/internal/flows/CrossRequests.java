package org.openhotline.exchange.internal.flows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.exchange.internal.pipe.Counterpart;
import org.openhotline.exchange.internal.pipe.Counterparts;
import org.openhotline.exchange.internal.pipe.ExchangeProperties;
import org.openhotline.exchange.internal.pipe.IncomingMessage;
import org.openhotline.exchange.internal.pipe.Outbox;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.ExchangeOrders;
import org.openhotline.workorder.PipeRequests;
import org.openhotline.workorder.WorkOrderEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Returns and extensions across the pipe. On the city, a unit's request on an order the province handed down goes up
 * as {@code order.request} (the province set the deadlines, so the province grants more time or takes the order
 * back); on the province it waits in {@code ex_cross_request} for a dispatcher, whose decision goes down as
 * {@code order.request-decided} and is applied on the city's order as its own dispatcher's decision would be.
 */
@Component
public class CrossRequests {

    public record Request(long id, String counterpart, String counterpartName, String orderKey, long workOrderId,
                          String kind, String reason, Integer amount, String unitLabel, String unitName,
                          Instant requestedAt, String state, String decidedBy, Instant decidedAt, String note,
                          int version, long remoteId) {}

    private final JdbcClient jdbc;
    private final Counterparts counterparts;
    private final PipeRequests requests;
    private final ExchangeOrders orders;
    private final Outbox outbox;
    private final ExchangeProperties properties;
    private final Clock clock;

    CrossRequests(JdbcClient jdbc, Counterparts counterparts, PipeRequests requests, ExchangeOrders orders, Outbox outbox,
                  ExchangeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.counterparts = counterparts;
        this.requests = requests;
        this.orders = orders;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** Our unit asked to return, or for more time on, an order {@code counterpart} handed us (inside the step). */
    void asked(WorkOrderEvents.WorkOrderEvent event, String counterpart, String orderKey, Instant at) {
        if (counterparts.find(counterpart).map(c -> c.kind() != Counterpart.Kind.PROVINCE).orElse(true)) {
            return; // only the province decides on the orders it hands down; 110 and the others are told by order.step
        }
        long assignmentId = switch (event) {
            case WorkOrderEvents.ReturnRequested r -> r.assignmentId();
            case WorkOrderEvents.ExtensionRequested e -> e.assignmentId();
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName());
        };
        requests.pending(event.workOrderId(), assignmentId).ifPresent(p -> {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("requestId", p.requestId());
            payload.put("kind", p.kind());
            payload.put("reason", p.reason());
            if (p.amount() != null) {
                payload.put("amount", p.amount());
                payload.put("unit", p.unit());
                payload.put("unitLabel", p.unitLabel());
            }
            payload.put("unitName", p.unitName());
            payload.put("requestedAt", p.requestedAt().toString());
            outbox.write(properties.self(), counterpart, orderKey, "order.request", payload, at);
        });
    }

    public List<Request> list(String state, StaffPrincipal who) {
        return jdbc.sql("""
                select r.*, c.name as counterpart_name from ex_cross_request r join ex_counterpart c on c.code = r.counterpart
                 where (cast(:s as varchar) is null or r.state = :s) order by r.requested_at desc limit 200""")
                .param("s", state).query(CrossRequests::map).list()
                .stream().filter(r -> requests.visible(r.workOrderId(), who)).toList();
    }

    /** The dispatcher's decision: recorded, written on our order, and sent to the asking platform in one transaction. */
    @Transactional
    public Request decide(long id, int version, boolean approve, String note, StaffPrincipal who) {
        Request r = jdbc.sql("select r.*, c.name as counterpart_name from ex_cross_request r join ex_counterpart c on c.code = r.counterpart where r.id = ?")
                .param(id).query(CrossRequests::map).optional()
                .filter(x -> requests.visible(x.workOrderId(), who))
                .orElseThrow(() -> DomainException.notFound("申请不存在或不在您的权限范围内"));
        Instant now = clock.instant();
        int rows = jdbc.sql("""
                update ex_cross_request set state = ?, decided_by = ?, decided_at = ?, note = ?, version = version + 1
                 where id = ? and version = ? and state = 'PENDING'""")
                .params(approve ? "APPROVED" : "REJECTED", who.username(), now.atOffset(ZoneOffset.UTC), note, id, version)
                .update();
        if (rows == 0) {
            throw DomainException.conflict("该申请已被他人审核或已变更，请刷新后重试");
        }
        String what = r.unitName() + (r.kind().equals("RETURN") ? "的退回申请" : "的延期申请（" + r.amount() + "个" + r.unitLabel() + "）");
        orders.remoteStep(r.workOrderId(), who.displayName(), "request-decided", (approve ? "同意" : "驳回") + r.counterpartName()
                + what + (note == null || note.isBlank() ? "" : "：" + note));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", r.remoteId());
        payload.put("approved", approve);
        if (note != null && !note.isBlank()) {
            payload.put("note", note);
        }
        payload.put("by", properties.selfName());
        outbox.write(properties.self(), r.counterpart(), r.orderKey(), "order.request-decided", payload, now);
        return jdbc.sql("select r.*, c.name as counterpart_name from ex_cross_request r join ex_counterpart c on c.code = r.counterpart where r.id = ?")
                .param(id).query(CrossRequests::map).single();
    }

    private static Request map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int amount = rs.getInt("amount");
        Integer a = rs.wasNull() ? null : amount;
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Request(rs.getLong("id"), rs.getString("counterpart"), rs.getString("counterpart_name"),
                rs.getString("order_key"), rs.getLong("work_order_id"), rs.getString("kind"), rs.getString("reason"), a,
                rs.getString("unit_label"), rs.getString("unit_name"), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("state"), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getString("note"), rs.getInt("version"), rs.getLong("remote_id"));
    }

    /** The province's side: a city unit's request on an order we handed down waits for our dispatcher. */
    @Component
    static class Asked implements IncomingMessage {
        private final JdbcClient jdbc;
        private final OrderLinks links;
        private final ExchangeOrders orders;

        Asked(JdbcClient jdbc, OrderLinks links, ExchangeOrders orders) {
            this.jdbc = jdbc;
            this.links = links;
            this.orders = orders;
        }

        @Override
        public String type() {
            return "order.request";
        }

        @Override
        public void apply(Counterpart from, String orderKey, long seq, JsonNode p) {
            OrderLinks.Link link = links.find(from.code(), orderKey).filter(l -> l.role() == OrderLinks.Role.ORIGIN)
                    .orElseThrow(() -> new IllegalStateException("申请所属的工单 " + orderKey + " 不是本平台交办的"));
            String kind = p.path("kind").asString();
            if (!kind.equals("RETURN") && !kind.equals("EXTENSION")) {
                throw new IllegalStateException("未知的申请类型：" + kind);
            }
            Integer amount = p.hasNonNull("amount") ? p.get("amount").asInt() : null;
            String unitLabel = p.hasNonNull("unitLabel") ? clip(p.get("unitLabel").asString(), 10) : null;
            String unitName = clip(p.path("unitName").asString("承办单位"), 100);
            String reason = clip(p.path("reason").asString(), 2000);
            Instant at = p.hasNonNull("requestedAt") ? Instant.parse(p.get("requestedAt").asString()) : Instant.now();
            int rows = jdbc.sql("""
                    insert into ex_cross_request (counterpart, order_key, remote_id, work_order_id, kind, reason, amount,
                                                  unit, unit_label, unit_name, requested_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (counterpart, order_key, remote_id) do nothing""")
                    .params(from.code(), orderKey, p.path("requestId").asLong(), link.workOrderId(), kind, reason, amount,
                            p.hasNonNull("unit") ? clip(p.get("unit").asString(), 15) : null, unitLabel, unitName,
                            at.atOffset(ZoneOffset.UTC))
                    .update();
            if (rows == 1) {
                orders.remoteStep(link.workOrderId(), from.name(), "request", from.name() + "：" + unitName
                        + (kind.equals("RETURN") ? "申请退回" : "申请延期" + amount + "个" + unitLabel) + "：" + reason
                        + "（待本平台审核）");
            }
        }
    }

    /** The city's side: the province's decision on our unit's request, applied as our dispatcher's would be. */
    @Component
    static class Decided implements IncomingMessage {
        private final OrderLinks links;
        private final PipeRequests requests;

        Decided(OrderLinks links, PipeRequests requests) {
            this.links = links;
            this.requests = requests;
        }

        @Override
        public String type() {
            return "order.request-decided";
        }

        @Override
        public void apply(Counterpart from, String orderKey, long seq, JsonNode p) {
            OrderLinks.Link link = links.find(from.code(), orderKey).filter(l -> l.role() == OrderLinks.Role.HANDLER)
                    .orElseThrow(() -> new IllegalStateException("审核结果所属的工单 " + orderKey + " 不是该平台交办的"));
            requests.decide(link.workOrderId(), p.path("requestId").asLong(), p.path("approved").asBoolean(),
                    p.hasNonNull("note") ? p.get("note").asString() : null, from.name());
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
