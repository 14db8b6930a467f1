package org.openhotline.channels.internal.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.shared.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's Open311 API keys (config:manage). */
@RestController
@RequestMapping("/api/channels/open311-keys")
@Tag(name = "Open311 接口密钥", description = "系统管理员为第三方应用分配、停用 Open311 接口密钥")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "接口密钥列表（只显示前缀）")
    List<ApiKeys.ApiKey> list() {
        return keys.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "分配接口密钥（密钥只在此时显示一次）")
    ApiKeys.Issued issue(@Valid @RequestBody KeyForm form) {
        return keys.issue(form.name(), Callers.required().username());
    }

    @PutMapping("/{id}/enabled")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "启用或停用接口密钥")
    ApiKeys.ApiKey enable(@PathVariable long id, @Valid @RequestBody EnableForm form) {
        return keys.setEnabled(id, form.enabled(), form.version());
    }

    record KeyForm(@NotBlank(message = "请填写使用方名称") @Size(max = 100, message = "名称最长 100 个字") String name) {}

    record EnableForm(@NotNull(message = "请选择启用或停用") Boolean enabled,
                      @NotNull(message = "缺少版本号（version）：请刷新后重试") Integer version) {}
}
