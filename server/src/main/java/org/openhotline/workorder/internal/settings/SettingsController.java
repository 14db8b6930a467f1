package org.openhotline.workorder.internal.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.openhotline.shared.Callers;
import org.openhotline.workorder.internal.model.CallbackRule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 工单设置: the callback rule for unreachable citizens and whether units may see the citizen's full number. */
@RestController
@RequestMapping("/api/work-orders/settings")
@Tag(name = "工单设置", description = "回访未接通规则、承办单位查看号码")
class SettingsController {

    private final WorkOrderSettings settings;

    SettingsController(WorkOrderSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('business:config', 'workorder:callback')")
    @Operation(summary = "当前设置")
    Settings get() {
        CallbackRule rule = settings.callbackRule();
        UnitPhoneAccess access = settings.unitPhoneAccess();
        return new Settings(rule.maxAttempts(), rule.whenExhausted(), rule.whenExhausted().label(), settings.unitsMayUnmask(),
                access, access.label());
    }

    @PutMapping
    @PreAuthorize("hasAuthority('business:config')")
    @Transactional
    @Operation(summary = "修改设置：回访未接通次数上限（1–10）与达到后的处理（CLOSE 以联系不上办结 / SUPERVISE 转督办）；"
            + "承办单位联系群众的方式 unitPhoneAccess（NONE 仅脱敏 / UNMASK 留痕查看号码 / CALL 平台代拨），旧字段 unitsMayUnmask 仍可用")
    Settings put(@Valid @RequestBody SettingsForm form) {
        // unitPhoneAccess decides when given; a client that only knows the older yes/no still works
        UnitPhoneAccess access = form.unitPhoneAccess() != null ? form.unitPhoneAccess()
                : Boolean.TRUE.equals(form.unitsMayUnmask()) ? UnitPhoneAccess.UNMASK : UnitPhoneAccess.NONE;
        settings.save(new CallbackRule(form.callbackMaxAttempts(), form.callbackWhenExhausted()), access,
                Callers.required().username());
        return get();
    }

    record Settings(int callbackMaxAttempts, CallbackRule.Exhausted callbackWhenExhausted, String callbackWhenExhaustedLabel,
                    boolean unitsMayUnmask, UnitPhoneAccess unitPhoneAccess, String unitPhoneAccessLabel) {}

    record SettingsForm(@NotNull(message = "请填写未接通次数上限") Integer callbackMaxAttempts,
                        @NotNull(message = "请选择多次未接通后的处理方式") CallbackRule.Exhausted callbackWhenExhausted,
                        Boolean unitsMayUnmask, UnitPhoneAccess unitPhoneAccess) {}
}
