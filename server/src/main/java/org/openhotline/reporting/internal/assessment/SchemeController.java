package org.openhotline.reporting.internal.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openhotline.shared.Callers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The scoring schemes (考核方案) of the unit KPI report ({@code unit}) and of the operator assessment ({@code agent}). */
@RestController
@Tag(name = "统计分析", description = "KPI 指标（口径见 rpt_kpi）与每个数字背后的记录")
class SchemeController {

    private final Schemes schemes;

    SchemeController(Schemes schemes) {
        this.schemes = schemes;
    }

    @GetMapping("/api/reports/schemes/{kind}")
    @PreAuthorize("hasAnyAuthority('report:read', 'business:config', 'call:agent')")
    @Operation(summary = "考核方案（kind=unit|agent），version 省略为最新版")
    Scheme get(@PathVariable String kind, @RequestParam(required = false) Integer version) {
        return schemes.get(Schemes.kind(kind), version);
    }

    @GetMapping("/api/reports/schemes/{kind}/versions")
    @PreAuthorize("hasAnyAuthority('report:read', 'business:config')")
    @Operation(summary = "考核方案的历次版本")
    List<Schemes.VersionView> versions(@PathVariable String kind) {
        return schemes.versions(Schemes.kind(kind));
    }

    @PutMapping("/api/reports/schemes/{kind}")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "保存考核方案为新版本：带上读取时的 version，期间被他人修改则 409；记入审计日志")
    Scheme save(@PathVariable String kind, @RequestBody Schemes.Form form) {
        return schemes.save(Schemes.kind(kind), form, Callers.required());
    }
}
