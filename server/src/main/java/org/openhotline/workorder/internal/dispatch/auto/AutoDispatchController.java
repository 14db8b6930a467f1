package org.openhotline.workorder.internal.dispatch.auto;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.workorder.internal.dispatch.suggest.ModelTraining;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The manager's auto-dispatch thresholds, beside what each threshold would do and what auto-dispatch did. */
@RestController
@RequestMapping("/api/dispatch-auto")
@Tag(name = "自动派单", description = "自动派单的置信度门槛（全局或按分类，默认关闭）、验证数据上的准确率与覆盖率、实际准确率")
class AutoDispatchController {

    /** The settings, the validation curve (calibrated confidence ≥ threshold) and the live accuracy of 90 days. */
    record Overview(AutoDispatchSettings.Settings settings, int validationOrders, List<ModelTraining.Confidence> curve,
                    AutoDispatches.Accuracy accuracy) {}

    private final AutoDispatchSettings settings;
    private final AutoDispatches autos;
    private final ModelTraining training;
    private final Clock clock;

    AutoDispatchController(AutoDispatchSettings settings, AutoDispatches autos, ModelTraining training, Clock clock) {
        this.settings = settings;
        this.autos = autos;
        this.training = training;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "自动派单设置、各门槛在验证工单上的准确率与自动派单占比、近 90 天自动派单的实际准确率（退回和撤回计为派错）")
    Overview overview() {
        return overview(settings.read());
    }

    @PutMapping("/global")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "全局门槛（threshold 为空则关闭；0.5–1；带版本号，并发修改 409）")
    Overview global(@Valid @RequestBody GlobalForm form) {
        return overview(settings.setGlobal(form.threshold(), form.version()));
    }

    @PutMapping("/categories/{categoryId}")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "分类门槛（含下级分类，优先于全局；threshold 为空表示该分类不自动派单）")
    Overview category(@PathVariable long categoryId, @RequestBody CategoryForm form) {
        return overview(settings.setCategory(categoryId, form == null ? null : form.threshold(), Callers.required().username(),
                clock.instant()));
    }

    @DeleteMapping("/categories/{categoryId}")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "删除分类门槛（该分类改按全局门槛）")
    Overview removeCategory(@PathVariable long categoryId) {
        return overview(settings.removeCategory(categoryId));
    }

    private Overview overview(AutoDispatchSettings.Settings s) {
        ModelTraining.AutoCurve curve = training.autoCurve();
        return new Overview(s, curve.validationOrders(), curve.points(), autos.accuracy(90, clock.instant()));
    }

    record GlobalForm(Double threshold, @NotNull(message = "缺少版本号（version）：请刷新后重试") Integer version) {}

    record CategoryForm(Double threshold) {}
}
