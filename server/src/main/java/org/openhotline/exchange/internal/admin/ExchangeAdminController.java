package org.openhotline.exchange.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.exchange.internal.pipe.OutboxSender;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Queues, failures and dead letters of the pipe, and the requests it refused. */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "数据交换监控", description = "队列、失败、死信（重发/放弃，留痕）、拒收记录、上报工单")
class ExchangeAdminController {

    private final JdbcClient jdbc;
    private final OutboxSender sender;
    private final DeadLetters deadLetters;

    ExchangeAdminController(JdbcClient jdbc, OutboxSender sender, DeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.deadLetters = deadLetters;
    }

    record Queue(String counterpart, String name, String kind, boolean enabled, Map<String, Long> outbox,
                 Map<String, Long> inbox, Instant oldestPending, int failures, Instant retryAt, String lastError,
                 Instant lastSuccess) {}

    @GetMapping("/queues")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "各对接平台的发件队列与收件队列（按状态计数）、最早待发消息、连续失败次数")
    List<Queue> queues() {
        Map<String, OutboxSender.Health> health = sender.health();
        return jdbc.sql("select code, name, kind, enabled from ex_counterpart order by code").query((rs, n) -> {
            String code = rs.getString("code");
            OutboxSender.Health h = health.get(code);
            return new Queue(code, rs.getString("name"), rs.getString("kind"), rs.getBoolean("enabled"),
                    counts("ex_outbox", code), counts("ex_inbox", code), oldestPending(code),
                    h == null ? 0 : h.failures(), h == null ? null : h.retryAt(), h == null ? null : h.lastError(),
                    h == null ? null : h.lastSuccess());
        }).list();
    }

    private Map<String, Long> counts(String table, String code) {
        Map<String, Long> m = new java.util.TreeMap<>();
        jdbc.sql("select state, count(*) from " + table + " where counterpart = ? group by state").param(code)
                .query(rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                });
        return m;
    }

    private Instant oldestPending(String code) {
        // min() of no rows is one null row, which single() refuses: read it as a list.
        java.sql.Timestamp t = jdbc.sql("select min(created_at) from ex_outbox where counterpart = ? and state = 'PENDING'")
                .param(code).query((rs, n) -> rs.getTimestamp(1)).list().getFirst();
        return t == null ? null : t.toInstant();
    }

    record Problem(String direction, long id, String counterpart, String messageId, String orderKey, long seq,
                   String type, String state, int attempts, String lastError, Instant at) {}

    @GetMapping("/problems")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "失败与死信：发件（OUT）有错误或为死信的消息，收件（IN）处理失败或为死信的消息")
    List<Problem> problems(@RequestParam(defaultValue = "false") boolean deadOnly) {
        String filter = deadOnly ? "state = 'DEAD'" : "(state = 'DEAD' or (last_error is not null and state in ('PENDING', 'RECEIVED')))";
        return jdbc.sql("""
                select * from (
                  select 'OUT' as direction, id, counterpart, message_id, order_key, seq, type, state, attempts, last_error,
                         created_at as at from ex_outbox where %s
                  union all
                  select 'IN', id, counterpart, message_id, order_key, seq, type, state, attempts, last_error, received_at
                    from ex_inbox where %s) p
                 order by at desc limit 200""".formatted(filter, filter))
                .query((rs, n) -> new Problem(rs.getString("direction"), rs.getLong("id"), rs.getString("counterpart"),
                        rs.getString("message_id"), rs.getString("order_key"), rs.getLong("seq"), rs.getString("type"),
                        rs.getString("state"), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    record Decision(@NotBlank(message = "请填写处理原因") @Size(max = 200, message = "原因最长 200 个字符") String reason) {}

    @PostMapping("/dead-letters/{direction}/{id}/{action}")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "死信重发（retry）或放弃（discard），记入审计日志")
    Map<String, Object> decide(@PathVariable @Pattern(regexp = "OUT|IN", message = "方向只能是 OUT 或 IN") String direction,
                               @PathVariable long id,
                               @PathVariable @Pattern(regexp = "retry|discard", message = "操作只能是 retry 或 discard") String action,
                               @Valid @RequestBody Decision decision) {
        if (!direction.equals("OUT") && !direction.equals("IN") || !action.equals("retry") && !action.equals("discard")) {
            throw org.openhotline.shared.DomainException.badRequest("方向只能是 OUT 或 IN，操作只能是 retry 或 discard");
        }
        deadLetters.decide(DeadLetters.Direction.valueOf(direction), id, action.equals("retry"), decision.reason().strip());
        return Map.of("id", id, "action", action);
    }

    record Rejection(long id, String counterpart, int status, String reason, String remoteAddress, Instant at) {}

    @GetMapping("/rejections")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "拒收记录：签名错误（401）与格式错误（422）的请求")
    List<Rejection> rejections() {
        return jdbc.sql("select * from ex_rejection order by at desc limit 200")
                .query((rs, n) -> new Rejection(rs.getLong("id"), rs.getString("counterpart"), rs.getInt("status"),
                        rs.getString("reason"), rs.getString("remote_address"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    record ReportedOrder(String counterpart, String orderKey, String number, String title, String state, String lastStep,
                         long lastSeq, Instant updatedAt) {}

    @GetMapping("/reported-orders")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "（省级平台）各市上报的工单及其最新状态")
    List<ReportedOrder> reported(@RequestParam(required = false) String counterpart) {
        return jdbc.sql("""
                select * from ex_reported_order where (cast(:c as varchar) is null or counterpart = :c)
                 order by updated_at desc limit 200""").param("c", counterpart)
                .query((rs, n) -> new ReportedOrder(rs.getString("counterpart"), rs.getString("order_key"),
                        rs.getString("number"), rs.getString("title"), rs.getString("state"), rs.getString("last_step"),
                        rs.getLong("last_seq"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }
}
