package org.openhotline.reporting.internal.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openhotline.reporting.internal.api.ReportScope;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report tables (统计分析 · 报表): the catalogue with each report's filters, columns and chart; a report's rows
 * and totals for a period, organization and granularity; the same as an Excel workbook; the records behind a figure.
 * Permission and data scope as the KPI API ({@code report:read}; below the city the node's orders and the calls of
 * its agents).
 */
@RestController
@RequestMapping("/api/reports/tables")
@Tag(name = "统计分析", description = "报表：话务报表（004 的十张）与工单报表")
class ReportTableController {

    record Option(String value, String label) {}

    record FilterView(String name, String label, List<Option> options) {}

    record KeyView(String key, String label) {}

    record ColumnView(String key, String label, String kind, String unit, String help, boolean records) {}

    record Meta(String code, String name, String category, String description, List<String> granularities,
                String defaultGranularity, List<KeyView> by, List<FilterView> filters, List<ColumnView> columns,
                Report.Chart chart) {}

    record Table(String code, String name, String category, String from, String to, Long org, String granularity,
                 String by, List<KeyView> keys, List<ColumnView> columns, List<ReportTables.Row> rows,
                 Map<String, Object> totals, Report.Chart chart, String note) {}

    private final ReportCatalog catalog;
    private final ReportTables tables;
    private final ReportLabels labels;
    private final ReportScope scope;

    ReportTableController(ReportCatalog catalog, ReportTables tables, ReportLabels labels, ReportScope scope) {
        this.catalog = catalog;
        this.tables = tables;
        this.labels = labels;
        this.scope = scope;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "报表目录：每张报表的筛选条件、列（含口径说明）与图表")
    List<Meta> catalogue() {
        return catalog.all().stream().map(this::meta).toList();
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "报表数据：from、to（年-月-日，含当天），org 机构，granularity=day|week|month|total，by 统计维度，以及报表自己的筛选条件")
    Table table(@PathVariable String code, @RequestParam Map<String, String> params) {
        return table(query(catalog.required(code), params, List.of()), org(params));
    }

    @GetMapping("/{code}/export")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "导出报表 Excel：与报表数据同一查询、同一数字（最后一行为合计）")
    ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam Map<String, String> params) {
        Table t = table(query(catalog.required(code), params, List.of()), org(params));
        List<String> headers = new ArrayList<>();
        t.keys().forEach(k -> headers.add(k.label()));
        if (headers.isEmpty()) {
            headers.add("统计范围");
        }
        t.columns().forEach(c -> headers.add(c.label() + "（" + c.unit() + "）"));
        List<List<?>> rows = new ArrayList<>();
        for (ReportTables.Row r : t.rows()) {
            List<Object> cells = new ArrayList<>();
            t.keys().forEach(k -> cells.add(r.labels().get(k.key())));
            t.columns().forEach(c -> cells.add(r.values().get(c.key())));
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>();
        total.add("合计");
        for (int i = 1; i < Math.max(t.keys().size(), 1); i++) {
            total.add("");
        }
        t.columns().forEach(c -> total.add(t.totals().get(c.key())));
        rows.add(total);
        byte[] xlsx = ExcelSheets.write(t.name(), headers, rows);
        return ExcelSheets.download(t.name() + "_" + t.from() + "_" + t.to() + ".xlsx", xlsx);
    }

    @GetMapping("/{code}/records")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "报表中一个数字背后的记录：column 为列，k.<行键>=值 为所在行（不给即合计行），总数与该数字一致")
    ReportTables.Records records(@PathVariable String code, @RequestParam Map<String, String> params) {
        Report report = catalog.required(code);
        ReportQuery q = query(report, params, List.of("column", "page", "size"));
        String key = params.get("column");
        if (key == null || key.isBlank()) {
            throw DomainException.badRequest("请指定列（column）");
        }
        Column column = report.column(key.strip());
        if (!column.hasRecords()) {
            throw DomainException.badRequest("“" + label(column.label()) + "”是去重计数，没有逐条记录");
        }
        int page = Math.max(number(params.get("page"), 1, "page"), 1);
        int size = PageResult.clampSize(number(params.get("size"), 20, "size"));
        return tables.records(q, column, page, size);
    }

    private ReportQuery query(Report report, Map<String, String> params, List<String> recordParams) {
        Map<String, Object> filters = ReportQuery.filters(report, params, recordParams);
        Granularity granularity = Granularity.parse(params.get("granularity"), report.defaultGranularity());
        Dim picked = report.pick(params.get("by"));
        KpiFilter filter = scope.filter(Callers.required(), params.get("from"), params.get("to"), org(params), null);
        List<Dim> keys = report.keys(granularity, picked);
        return new ReportQuery(report, filter, granularity, picked, filters,
                recordParams.isEmpty() ? Map.of() : ReportQuery.at(keys, params), ReportQuery.columns(report, params.get("columns")));
    }

    private static Long org(Map<String, String> params) {
        String text = params.get("org");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("机构应为编号：" + text);
        }
    }

    private Table table(ReportQuery q, Long org) {
        Report r = q.report();
        ReportTables.Result result = tables.run(q);
        var zone = q.filter().zone();
        return new Table(r.code(), r.name(), r.category(), q.filter().from().atZone(zone).toLocalDate().toString(),
                q.filter().to().atZone(zone).toLocalDate().minusDays(1).toString(), org, q.granularity().name().toLowerCase(),
                q.picked() == null ? null : q.picked().key,
                q.keys().stream().map(d -> new KeyView(d.key, keyLabel(d, q.granularity()))).toList(),
                columns(r, q.columns()), labels.label(q.keys(), result.rows()), result.totals(), r.chart(), result.note());
    }

    /** The report's columns, or the ones a request ({@code columns=a,b}, a saved template) picked, in its order. */
    private List<ColumnView> columns(Report r, List<String> picked) {
        if (picked.isEmpty()) {
            return columns(r);
        }
        var all = columns(r);
        return picked.stream().map(key -> all.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow()).toList();
    }

    private Meta meta(Report r) {
        List<FilterView> filters = r.filters().stream().map(f -> new FilterView(f.name(), f.label(),
                (f.numeric() ? labels.skillGroups() : f.options()).entrySet().stream()
                        .map(e -> new Option(e.getKey(), e.getValue())).toList())).toList();
        return new Meta(r.code(), r.name(), r.category(), r.description(),
                Arrays.stream(Granularity.values()).map(g -> g.name().toLowerCase()).toList(),
                r.defaultGranularity().name().toLowerCase(),
                r.by().stream().map(d -> new KeyView(d.key, d.label)).toList(), filters, columns(r), r.chart());
    }

    private List<ColumnView> columns(Report r) {
        return r.columns().stream().map(c -> new ColumnView(c.key(), label(c.label()), c.kind().name(), c.kind().unit,
                c.help(), c.hasRecords())).toList();
    }

    /** A label with the configured thresholds written in ("20秒内接听", "24小时内派单"). */
    private String label(String text) {
        return text.replace("{answerWithin}", duration(tables.threshold("answer-rate-20s", 20)))
                .replace("{dispatchWithin}", duration(tables.threshold("dispatch-timeliness", 86_400)));
    }

    private static String duration(int seconds) {
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return seconds / 3600 + "小时";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return seconds / 60 + "分钟";
        }
        return seconds + "秒";
    }

    private static String keyLabel(Dim d, Granularity g) {
        if (d != Dim.PERIOD) {
            return d.label;
        }
        return switch (g) {
            case WEEK -> "周（自周一）";
            case MONTH -> "月份";
            default -> "日期";
        };
    }

    private static int number(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.badRequest(name + " 应为整数：" + value);
        }
    }
}
