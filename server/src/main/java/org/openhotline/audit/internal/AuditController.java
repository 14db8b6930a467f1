package org.openhotline.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.shared.MenuEntry;
import org.openhotline.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit admin's search over the trail, and its export to Excel. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计日志")
class AuditController implements MenuEntry.Contribution {

    static final int EXPORT_LIMIT = 100_000;

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("审计管理", "audit", "审计日志", "/audit", "audit:read", 950));
    }

    record AuditRecord(long id, OffsetDateTime at, String actor, String sourceIp, String action, String target,
                       String result, String details) {}

    record Filter(OffsetDateTime from, OffsetDateTime to, String actor, String action, String result, String q) {
        String where() {
            return """
                     where (cast(:from as timestamptz) is null or at >= cast(:from as timestamptz))
                       and (cast(:to as timestamptz) is null or at < cast(:to as timestamptz))
                       and (cast(:actor as varchar) is null or actor = cast(:actor as varchar))
                       and (cast(:action as varchar) is null or action like cast(:action as varchar) || '%')
                       and (cast(:result as varchar) is null or result = cast(:result as varchar))
                       and (cast(:q as varchar) is null or target ilike '%' || cast(:q as varchar) || '%'
                            or details::text ilike '%' || cast(:q as varchar) || '%')""";
        }

        Map<String, Object> params() {
            Map<String, Object> p = new java.util.HashMap<>();
            p.put("from", from);
            p.put("to", to);
            p.put("actor", blank(actor));
            p.put("action", blank(action));
            p.put("result", blank(result));
            p.put("q", blank(q));
            return p;
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('audit:read')")
    @Operation(summary = "查询审计日志（时间、操作人、操作、结果）")
    PageResult<AuditRecord> search(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String result, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        var filter = new Filter(from, to, actor, action, result, q);
        int pageSize = PageResult.clampSize(size);
        long total = jdbc.sql("select count(*) from audit_event " + filter.where()).params(filter.params())
                .query(Long.class).single();
        var items = jdbc.sql("select id, at, actor, source_ip, action, target, result, details::text from audit_event "
                        + filter.where() + " order by at desc, id desc limit :size offset :offset")
                .params(filter.params()).param("size", pageSize).param("offset", PageResult.offset(page, pageSize))
                .query(AuditRecord.class).list();
        return new PageResult<>(items, total, Math.max(page, 1), pageSize);
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('audit:read')")
    @Operation(summary = "导出审计日志为 Excel（最多 10 万条）")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String result, @RequestParam(required = false) String q) {
        var filter = new Filter(from, to, actor, action, result, q);
        List<List<?>> rows = new ArrayList<>();
        jdbc.sql("select id, at, actor, source_ip, action, target, result, details::text from audit_event "
                        + filter.where() + " order by at desc, id desc limit " + EXPORT_LIMIT)
                .params(filter.params()).query(AuditRecord.class).stream()
                .forEach(r -> rows.add(List.of(r.id(), r.at().toString(), nz(r.actor()), nz(r.sourceIp()), r.action(),
                        nz(r.target()), r.result().equals("SUCCESS") ? "成功" : "失败", nz(r.details()))));
        return ExcelSheets.download("审计日志.xlsx", ExcelSheets.write("审计日志",
                List.of("编号", "时间", "操作人", "来源IP", "操作", "对象", "结果", "详情"), rows));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
