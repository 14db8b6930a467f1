package org.openhotline.quality.internal.machine.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.MenuEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 机检规则: the machine rules with their settings and, from the inspectors' decisions on their flags, how often each
 * rule was right. Changing a rule is for whoever runs quality inspection (audited; the QC lead's permission once the
 * manual half defines one).
 */
@RestController
@RequestMapping("/api/quality/machine/rules")
@Tag(name = "智能质检规则")
class MachineRulesController implements MenuEntry.Contribution {

    private final MachineRules rules;
    private final RulePrecisions precisions;

    MachineRulesController(MachineRules rules, RulePrecisions precisions) {
        this.rules = rules;
        this.precisions = precisions;
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("质检", "qc-machine-flags", "机检标记", "/quality/machine/flags", "qc:inspect", 326),
                new MenuEntry("质检", "qc-machine-rules", "机检规则", "/quality/machine/rules", "qc:inspect", 328));
    }

    /** A rule with the inspectors' verdict on its flags: precision = confirmed / (confirmed + dismissed). */
    record RuleView(RuleSetting rule, long flags, long confirmed, long dismissed, Double precision) {}

    record RuleForm(Boolean enabled,
                    @Pattern(regexp = "LOW|MEDIUM|HIGH", message = "严重程度应为 LOW、MEDIUM 或 HIGH") String severity,
                    Double threshold,
                    @Size(max = MachineRules.MAX_WORDS_CHARS, message = "词表不超过 4000 个字") String words,
                    @NotNull(message = "缺少版本号，请刷新后重试") Integer version) {}

    @GetMapping
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "机检规则及其阈值、严重程度，以及质检员确认/驳回标记得出的准确率")
    List<RuleView> list() {
        var byRule = precisions.byRule();
        return rules.all().stream().map(r -> {
            var p = byRule.get(r.code());
            return p == null ? new RuleView(r, 0, 0, 0, null)
                    : new RuleView(r, p.flags(), p.confirmed(), p.dismissed(), p.precision());
        }).toList();
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "修改机检规则（启用、严重程度、阈值、词表；带版本号，已被他人修改时返回 409；记入审计）")
    RuleSetting change(@PathVariable String code, @Valid @RequestBody RuleForm form) {
        return rules.change(code, new MachineRules.Change(form.enabled(), form.severity(), form.threshold(),
                form.words(), form.version()), Callers.required().username());
    }
}
