package org.openhotline.reporting.internal.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.ExcelSheets;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 成员单位 KPI 统计报表 and its Excel export (the same {@link UnitKpiReport}, the same numbers). */
@RestController
@Tag(name = "统计分析", description = "KPI 指标（口径见 rpt_kpi）与每个数字背后的记录")
class UnitKpiController {

    private final UnitKpiReport reports;

    UnitKpiController(UnitKpiReport reports) {
        this.reports = reports;
    }

    @GetMapping("/api/reports/unit-kpis")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "成员单位 KPI：from、to（含当天），org 机构，scheme 方案版本（省略为最新）；每个单位各指标的值与得分、总分、排名")
    UnitKpiReport.Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) Long org, @RequestParam(required = false) Integer scheme) {
        return reports.report(Callers.required(), from, to, org, scheme);
    }

    @GetMapping("/api/reports/unit-kpis/export")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "导出成员单位 KPI Excel（与页面同一口径、同一数字）")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Long org, @RequestParam(required = false) Integer scheme) {
        var report = reports.report(Callers.required(), from, to, org, scheme);
        List<String> headers = new ArrayList<>(List.of("排名", "承办单位"));
        for (var i : report.scheme().items()) {
            String name = report.units().isEmpty() ? i.code()
                    : report.units().getFirst().items().stream().filter(x -> x.code().equals(i.code())).findFirst()
                            .map(UnitKpiReport.ItemView::name).orElse(i.code());
            headers.add(name + "（%）");
            headers.add(name + "得分");
        }
        headers.add("总分");
        List<List<?>> rows = new ArrayList<>();
        for (var u : report.units()) {
            List<Object> row = new ArrayList<>(List.of(u.rank(), u.unitName()));
            for (var i : u.items()) {
                row.add(i.value() == null ? "" : i.value());
                row.add(i.score());
            }
            row.add(u.total());
            rows.add(row);
        }
        rows.add(List.of("考核方案第 " + report.scheme().version() + " 版", report.from() + " 至 " + report.to()));
        byte[] xlsx = ExcelSheets.write("成员单位KPI", headers, rows);
        return ExcelSheets.download("成员单位KPI_" + report.from() + "_" + report.to() + "_方案v"
                + report.scheme().version() + ".xlsx", xlsx);
    }
}
