package org.openhotline.reporting.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.openhotline.reporting.internal.kpis.Exemptions;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigure;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.reporting.internal.kpis.KpiRecords;
import org.openhotline.shared.Callers;
import org.openhotline.shared.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** KPIs for a period, scope and grouping, and the records behind each figure (统计分析 · 指标总览). */
@RestController
@RequestMapping("/api/reports/kpis")
@Tag(name = "统计分析", description = "KPI 指标（口径见 rpt_kpi）与每个数字背后的记录")
class KpiController {

    /** One KPI as the API answers it. */
    record KpiView(String code, String name, String unit, BigDecimal numerator, BigDecimal denominator,
                   BigDecimal value, BigDecimal target, Boolean met, boolean higherIsBetter, String numeratorText,
                   String denominatorText, Integer thresholdSeconds, List<String> grades, List<KpiFigure.Group> groups,
                   List<Exemptions.Applied> exemptions) {

        static KpiView of(KpiFigure f, List<KpiFigure.Group> groups) {
            return of(f, groups, List.of());
        }

        /** {@code exemptions}: the periods left out of this figure (豁免), each with its reason. */
        static KpiView of(KpiFigure f, List<KpiFigure.Group> groups, List<Exemptions.Applied> exemptions) {
            var k = f.kpi();
            return new KpiView(k.code(), k.name(), k.unit(), f.numerator(), f.denominator(), f.value(), k.target(),
                    f.met(), k.higherIsBetter(), k.numerator(), k.denominator(), k.thresholdSeconds(), k.grades(), groups,
                    exemptions);
        }
    }

    record KpiReport(String from, String to, Long org, String groupBy, List<KpiView> kpis) {}

    private final KpiReports reports;
    private final KpiDefinitions definitions;
    private final KpiRecords records;
    private final ReportScope scope;

    KpiController(KpiReports reports, KpiDefinitions definitions, KpiRecords records, ReportScope scope) {
        this.reports = reports;
        this.definitions = definitions;
        this.records = records;
        this.scope = scope;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('report:read', 'call:agent')")
    @Operation(summary = "指标：from、to（年-月-日，含当天），org 机构，groupBy=day|week|month|agent|group|unit|region|category|channel|team；codes 逗号分隔只取部分指标；team 只算该班组坐席的指标")
    KpiReport kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) Long org, @RequestParam(required = false) String groupBy,
                   @RequestParam(required = false) String codes, @RequestParam(required = false) Long team) {
        return reports.report(Callers.required(), from, to, org, groupBy, codes, team);
    }

    @GetMapping("/{code}/records")
    @PreAuthorize("hasAnyAuthority('report:read', 'call:agent')")
    @Operation(summary = "指标背后的记录：part=numerator|denominator，group 为分组键（可选），总数（时长类指标为 seconds 合计）与指标的分子/分母一致")
    KpiRecords.Page records(@PathVariable String code, @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) Long org,
                                            @RequestParam(required = false) String groupBy,
                                            @RequestParam(required = false) String group,
                                            @RequestParam(required = false) String part,
                                            @RequestParam(required = false) Long team,
                                            @RequestParam(defaultValue = "1") int page,
                                            @RequestParam(defaultValue = "20") int size) {
        var kpi = definitions.required(code);
        KpiFilter filter = scope.filter(Callers.required(), from, to, org, groupBy).withTeam(team);
        return records.page(kpi, filter, KpiRecords.part(part), group, Math.max(page, 1), PageResult.clampSize(size));
    }
}
