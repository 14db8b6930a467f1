package org.openhotline.reporting.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.ExcelSheets;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KPI table as an Excel workbook holding exactly the numbers of the screen ({@link KpiReports}) for the same filters. */
@RestController
class KpiExportController {

    private final KpiReports reports;

    KpiExportController(KpiReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/reports/kpis/export")
    @PreAuthorize("hasAnyAuthority('report:read', 'call:agent')")
    @Operation(summary = "导出指标 Excel（与页面同一口径、同一数字）")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Long org, @RequestParam(required = false) String groupBy) {
        var report = reports.report(Callers.required(), from, to, org, groupBy, null);
        List<List<?>> rows = new ArrayList<>();
        for (var k : report.kpis()) {
            rows.add(row(k.name(), k.code(), "合计", k));
            for (var g : k.groups()) {
                rows.add(List.of(k.name(), k.code(), g.label(), nz(g.numerator()), nz(g.denominator()), nz(g.value()),
                        "", unit(k.unit()), ""));
            }
        }
        byte[] xlsx = ExcelSheets.write("指标", List.of("指标", "编码", "分组", "分子", "分母", "值", "目标", "单位", "是否达标"), rows);
        return ExcelSheets.download("指标统计_" + report.from() + "_" + report.to() + ".xlsx", xlsx);
    }

    private static List<?> row(String name, String code, String group, KpiController.KpiView k) {
        return List.of(name, code, group, nz(k.numerator()), nz(k.denominator()), nz(k.value()), nz(k.target()),
                unit(k.unit()), k.met() == null ? "" : k.met() ? "达标" : "未达标");
    }

    private static Object nz(Object v) {
        return v == null ? "" : v;
    }

    private static String unit(String unit) {
        return "PERCENT".equals(unit) ? "%" : "秒";
    }
}
