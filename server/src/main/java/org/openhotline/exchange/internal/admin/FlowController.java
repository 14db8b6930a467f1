package org.openhotline.exchange.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How fast orders handed over by a counterpart became our orders: from the sender's step to our order, over the
 * transfers applied since a moment (the operator's lag figure, and what bench/exchange reads). {@code ordersHandedOver}
 * is the other direction as our outbox has it: the orders we handed that counterpart since the moment — written in
 * the forwarding step's transaction, so it counts exactly the forwards that committed, even those whose HTTP answer
 * a kill -9 cut off (the bench's "created" side).
 */
@RestController
@RequestMapping("/api/exchange/flow")
@Tag(name = "数据交换监控")
class FlowController {

    private final JdbcClient jdbc;

    FlowController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Flow(String counterpart, Instant since, long transfersApplied, long distinctOrders, long linkedOrders,
                Double lagP50Ms, Double lagP99Ms, Double lagMaxMs, long ordersHandedOver) {}

    @GetMapping
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "收到的转办工单：条数、去重后的工单数、端到端时延（对方环节发生到本方建单）p50/p99/最大；以及同期本方转给对方的工单数")
    Flow flow(@RequestParam String counterpart, @RequestParam Instant since) {
        return jdbc.sql("""
                select count(*) as applied, count(distinct i.order_key) as orders,
                       (select count(*) from ex_link l where l.counterpart = :c and l.role = 'HANDLER' and l.created_at >= :since) as linked,
                       percentile_cont(0.5) within group (order by extract(epoch from i.applied_at - i.occurred_at) * 1000) as p50,
                       percentile_cont(0.99) within group (order by extract(epoch from i.applied_at - i.occurred_at) * 1000) as p99,
                       max(extract(epoch from i.applied_at - i.occurred_at) * 1000) as max,
                       (select count(distinct o.order_key) from ex_outbox o
                         where o.counterpart = :c and o.type = 'order.transferred' and o.created_at >= :since) as handed
                  from ex_inbox i
                 where i.counterpart = :c and i.type = 'order.transferred' and i.state = 'APPLIED' and i.occurred_at >= :since""")
                .param("c", counterpart).param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Flow(counterpart, since, rs.getLong("applied"), rs.getLong("orders"), rs.getLong("linked"),
                        (Double) rs.getObject("p50"), (Double) rs.getObject("p99"),
                        rs.getObject("max") == null ? null : rs.getBigDecimal("max").doubleValue(), rs.getLong("handed")))
                .single();
    }
}
