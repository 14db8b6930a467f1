package org.openhotline.workorder.internal.dispatch.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The manager's 派单目录: edit the draft rules, order them, try one on past orders, publish a version. */
@RestController
@RequestMapping("/api/dispatch-catalogue")
@Tag(name = "派单目录", description = "派单规则的编辑、排序、试算和发布；最先命中的规则优先于模型推荐")
class CatalogueController {

    private final DispatchCatalogue catalogue;
    private final CatalogueTrial trial;
    private final OrderAccess access;

    CatalogueController(DispatchCatalogue catalogue, CatalogueTrial trial, OrderAccess access) {
        this.catalogue = catalogue;
        this.trial = trial;
        this.access = access;
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAnyAuthority('business:config', 'workorder:dispatch')")
    @Operation(summary = "草稿规则（按顺序）")
    List<DispatchRule> rules() {
        return catalogue.drafts();
    }

    @PostMapping("/rules")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "新增规则（加在末尾）")
    DispatchRule create(@Valid @RequestBody RuleForm form) {
        return catalogue.create(draft(form), Callers.required().username());
    }

    @PutMapping("/rules/{id}")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "修改规则（带版本号，并发修改返回 409）")
    DispatchRule update(@PathVariable long id, @Valid @RequestBody RuleForm form) {
        return catalogue.update(id, version(form.version()), draft(form), Callers.required().username());
    }

    @DeleteMapping("/rules/{id}")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "删除规则")
    void delete(@PathVariable long id, @RequestParam int version) {
        catalogue.delete(id, version);
    }

    @PostMapping("/rules/{id}/move")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "调整规则顺序（position 从 1 开始）")
    List<DispatchRule> move(@PathVariable long id, @Valid @RequestBody MoveForm form) {
        return catalogue.move(id, form.version(), form.position());
    }

    @PostMapping("/trial")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "试算：规则在近 N 天已办结工单上的命中数和与实际承办单位的一致率")
    CatalogueTrial.TrialResult trial(@Valid @RequestBody RuleForm form, @RequestParam(defaultValue = "90") int days) {
        if (days < 1 || days > 400) {
            throw DomainException.invalid("试算天数应在 1 到 400 之间");
        }
        DispatchCatalogue.RuleDraft d = draft(form);
        return trial.run(new DispatchRule(0, 0, d.name(), d.categoryId(), categoryPath(d.categoryId()), d.regionId(), null,
                d.appealType(), d.keywords(), d.mainUnitId(), d.local(), d.assistingUnitIds(), d.note(), true, 0), days);
    }

    @PostMapping("/publish")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "发布：草稿成为新版本，此后派单依此执行")
    DispatchCatalogue.Release publish(@Valid @RequestBody(required = false) PublishForm form) {
        return catalogue.publish(form == null ? null : form.note(), Callers.required().username());
    }

    @GetMapping("/releases")
    @PreAuthorize("hasAnyAuthority('business:config', 'workorder:dispatch')")
    @Operation(summary = "已发布的版本")
    List<DispatchCatalogue.ReleaseRow> releases() {
        return catalogue.releases();
    }

    @GetMapping("/current")
    @PreAuthorize("hasAnyAuthority('business:config', 'workorder:dispatch')")
    @Operation(summary = "当前生效的版本及其规则")
    DispatchCatalogue.Release current() {
        return catalogue.current();
    }

    private String categoryPath(Long id) {
        return id == null ? null : catalogue.categoryPath(id);
    }

    private DispatchCatalogue.RuleDraft draft(RuleForm f) {
        access.unit(f.mainUnitId());
        List<Long> assisting = DispatchCatalogue.distinct(f.assistingUnitIds());
        assisting.forEach(access::unit);
        if (assisting.contains(f.mainUnitId())) {
            throw DomainException.invalid("协办单位不能与主办单位相同");
        }
        if (f.regionId() != null) {
            access.region(f.regionId());
        }
        if (f.categoryId() != null && catalogue.categoryPath(f.categoryId()) == null) {
            throw DomainException.invalid("所选诉求分类不存在");
        }
        List<String> keywords = DispatchCatalogue.cleanKeywords(f.keywords());
        if (keywords.size() > 20 || keywords.stream().anyMatch(k -> k.length() > 20)) {
            throw DomainException.invalid("关键词最多 20 个，每个最长 20 个字");
        }
        if (f.categoryId() == null && keywords.isEmpty()) {
            throw DomainException.invalid("请至少设置诉求分类或关键词之一");
        }
        return new DispatchCatalogue.RuleDraft(f.name().strip(), f.categoryId(), f.regionId(), f.appealType(), keywords,
                f.mainUnitId(), Boolean.TRUE.equals(f.local()), assisting, f.note() == null ? null : f.note().strip(),
                !Boolean.FALSE.equals(f.enabled()));
    }

    private static int version(Integer v) {
        if (v == null) {
            throw DomainException.badRequest("缺少版本号（version）：请刷新后重试");
        }
        return v;
    }

    record RuleForm(@NotBlank(message = "请填写规则名称") @Size(max = 100, message = "规则名称最长 100 个字") String name,
                    Long categoryId, Long regionId,
                    @Pattern(regexp = "[A-Z_]{1,16}", message = "诉求类型无效") String appealType,
                    @Size(max = 20, message = "关键词最多 20 个") List<String> keywords,
                    @NotNull(message = "请选择主办单位") Long mainUnitId, Boolean local,
                    @Size(max = 10, message = "协办单位最多 10 个") List<Long> assistingUnitIds,
                    @Size(max = 500, message = "派单说明最长 500 个字") String note, Boolean enabled, Integer version) {}

    record MoveForm(@NotNull(message = "请填写位置") @Min(value = 1, message = "位置从 1 开始") @Max(value = 10000, message = "位置过大") Integer position,
                    @NotNull(message = "缺少版本号") Integer version) {}

    record PublishForm(@Size(max = 500, message = "发布说明最长 500 个字") String note) {}
}
