package org.openhotline.exchange.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The daily reconciliations (每日对账): run one now, list the runs with both sides' counts and the differences. */
@RestController
@RequestMapping("/api/exchange/reconciliations")
@Tag(name = "数据交换监控")
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReconciliationController(Reconciliation reconciliation, JdbcClient jdbc, JsonMapper json) {
        this.reconciliation = reconciliation;
        this.jdbc = jdbc;
        this.json = json;
    }

    record Run(@NotBlank(message = "请选择对接平台") String counterpart, @NotNull(message = "请选择对账日期") LocalDate day) {}

    @PostMapping
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "立即与对接平台对账某一天")
    Reconciliation.Result run(@Valid @RequestBody Run run) {
        return reconciliation.run(run.counterpart(), run.day());
    }

    record View(long id, String counterpart, LocalDate day, Instant runAt, JsonNode ours, JsonNode theirs,
                JsonNode differences, int differenceCount, String error) {}

    @GetMapping
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "对账记录（最近 100 次），含双方计数与差异明细")
    List<View> list(@RequestParam(required = false) String counterpart) {
        return jdbc.sql("""
                select * from ex_reconciliation where (cast(:c as varchar) is null or counterpart = :c)
                 order by day desc, run_at desc limit 100""").param("c", counterpart)
                .query((rs, n) -> new View(rs.getLong("id"), rs.getString("counterpart"),
                        rs.getObject("day", LocalDate.class), rs.getTimestamp("run_at").toInstant(),
                        json.readTree(rs.getString("ours")),
                        rs.getString("theirs") == null ? null : json.readTree(rs.getString("theirs")),
                        json.readTree(rs.getString("differences")), rs.getInt("difference_count"), rs.getString("error")))
                .list();
    }
}
