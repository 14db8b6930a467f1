package org.openhotline.reporting.internal.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.openhotline.reporting.internal.kpis.KpiDefinition;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.shared.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 指标配置: the KPI definitions the manager edits and the declared exemptions (豁免). */
@RestController
@Tag(name = "统计分析", description = "KPI 指标（口径见 rpt_kpi）与每个数字背后的记录")
class KpiSettingsController {

    private final KpiDefinitions definitions;
    private final KpiSettings settings;

    KpiSettingsController(KpiDefinitions definitions, KpiSettings settings) {
        this.definitions = definitions;
        this.settings = settings;
    }

    @GetMapping("/api/reports/kpi-definitions")
    @PreAuthorize("hasAnyAuthority('report:read', 'business:config')")
    @Operation(summary = "指标定义（名称、目标、阈值、计入的满意度等级、豁免规则、版本）")
    List<KpiDefinition> definitions() {
        return definitions.all();
    }

    @PutMapping("/api/reports/kpi-definitions/{code}")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "修改指标定义：带上读取时的 version，被他人修改过则 409；记入审计日志")
    KpiDefinition update(@PathVariable String code, @RequestBody KpiSettings.DefinitionForm form) {
        return settings.update(code, form);
    }

    @GetMapping("/api/reports/kpi-exemptions")
    @PreAuthorize("hasAnyAuthority('report:read', 'business:config')")
    @Operation(summary = "人工声明的指标豁免时段")
    List<KpiSettings.ExemptionView> exemptions() {
        return settings.exemptions();
    }

    @PostMapping("/api/reports/kpi-exemptions")
    @PreAuthorize("hasAuthority('business:config')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "声明豁免：from、to（含当天）、codes、reason；该时段的记录不计入这些指标的分子和分母；记入审计日志")
    Map<String, Long> declare(@RequestBody KpiSettings.ExemptionForm form) {
        return Map.of("id", settings.declare(form, Callers.required()));
    }

    @DeleteMapping("/api/reports/kpi-exemptions/{id}")
    @PreAuthorize("hasAuthority('business:config')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "撤销豁免；记入审计日志")
    void revoke(@PathVariable long id) {
        settings.revoke(id);
    }
}
