package org.openhotline.quality.internal.plans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 抽检计划 (qc:lead writes and draws them) and the coverage per agent and month. */
@RestController
@RequestMapping("/api/quality")
@Tag(name = "质检")
class PlanController {

    record DrawForm(Integer version) {}

    record Option(String code, String label) {}

    record Inspector(long id, String name) {}

    private final Plans plans;
    private final Coverage coverage;
    private final StaffDirectory staff;

    PlanController(Plans plans, Coverage coverage, StaffDirectory staff) {
        this.plans = plans;
        this.coverage = coverage;
        this.staff = staff;
    }

    @GetMapping("/plans")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead')")
    @Operation(summary = "抽检计划")
    List<Plans.PlanView> list() {
        return plans.list();
    }

    @GetMapping("/plans/strata")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead')")
    @Operation(summary = "可加权的抽样分层")
    List<Option> strata() {
        return Arrays.stream(Stratum.values()).map(s -> new Option(s.name(), s.label())).toList();
    }

    @GetMapping("/inspectors")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead')")
    @Operation(summary = "在用的质检员")
    List<Inspector> inspectors() {
        return staff.withRole(Role.QC_INSPECTOR).stream().map(s -> new Inspector(s.accountId(), s.displayName())).toList();
    }

    @PostMapping("/plans")
    @PreAuthorize("hasAuthority('qc:lead')")
    @Operation(summary = "新建抽检计划（月份、每位坐席的抽检比例、分层权重、质检员、完成期限；可指定随机种子）")
    Plans.PlanView create(@RequestBody Plans.Form form) {
        return plans.create(form, Callers.required());
    }

    @PostMapping("/plans/{id}/draw")
    @PreAuthorize("hasAuthority('qc:lead')")
    @Operation(summary = "抽取：按计划生成质检任务并平均分配给质检员（记录随机种子）")
    Plans.PlanView draw(@PathVariable long id, @RequestBody DrawForm form) {
        if (form.version() == null) {
            throw DomainException.badRequest("缺少版本号 version");
        }
        return plans.draw(id, form.version(), Callers.required());
    }

    @GetMapping("/coverage")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead', 'report:read')")
    @Operation(summary = "每位坐席当月的质检覆盖率：接听量、抽中量、已质检量")
    List<Coverage.AgentCoverage> coverage(@RequestParam String month) {
        return coverage.of(month);
    }
}
