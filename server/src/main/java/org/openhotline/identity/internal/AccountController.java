package org.openhotline.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.identity.Role;
import org.openhotline.shared.Callers;
import org.openhotline.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts: the system admin manages them, the security admin grants their roles. */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "账号管理")
class AccountController {

    private final Accounts accounts;
    private final AccountAdministration administration;
    private final StaffSessions sessions;

    AccountController(Accounts accounts, AccountAdministration administration, StaffSessions sessions) {
        this.accounts = accounts;
        this.administration = administration;
        this.sessions = sessions;
    }

    /** An account as screens show it: never the password hash. */
    record AccountView(long id, String username, String displayName, long orgNodeId, String orgName, String phone,
                       String email, String agentNo, boolean enabled, boolean locked, Instant lastLoginAt,
                       List<String> roles, int version) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.username(), a.displayName(), a.orgNodeId(), a.orgName(), a.phone(),
                    a.email(), a.agentNo(), a.enabled(), a.lockedAt(Instant.now()), a.lastLoginAt(),
                    a.roles().stream().map(Enum::name).sorted().toList(), a.version());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('account:manage', 'role:grant')")
    @Operation(summary = "账号列表（本级及下级机构）")
    PageResult<AccountView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                                 @RequestParam(required = false) Long orgNodeId,
                                 @RequestParam(required = false) Boolean enabled,
                                 @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        var result = accounts.search(Callers.required().orgPath(), q, role, orgNodeId, enabled, Math.max(page, 1),
                PageResult.clampSize(size));
        return new PageResult<>(result.items().stream().map(AccountView::of).toList(), result.total(), result.page(),
                result.size());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('account:manage', 'role:grant')")
    AccountView get(@PathVariable long id) {
        return AccountView.of(administration.visible(Callers.required(), id));
    }

    record CreateForm(@NotBlank(message = "请填写用户名") @Size(max = 50, message = "用户名最长 50 位") String username,
                      @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名最长 50 个字") String displayName,
                      @NotNull(message = "请选择所属机构") Long orgNodeId,
                      @Size(max = 30, message = "电话最长 30 位") String phone,
                      @Email(message = "邮箱格式不正确") @Size(max = 100, message = "邮箱最长 100 位") String email,
                      @Size(max = 20, message = "工号最长 20 位") String agentNo,
                      @NotBlank(message = "请设置初始密码") @Size(max = 128, message = "密码最长 128 位") String password) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('account:manage')")
    @Operation(summary = "新建账号（角色由安全管理员授予）")
    AccountView create(@Valid @RequestBody CreateForm f) {
        return AccountView.of(administration.create(Callers.required(), new AccountAdministration.AccountForm(
                f.username().trim(), f.displayName().trim(), f.orgNodeId(), f.phone(), f.email(), f.agentNo(),
                f.password())));
    }

    record EditForm(@NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名最长 50 个字") String displayName,
                    @NotNull(message = "请选择所属机构") Long orgNodeId,
                    @Size(max = 30, message = "电话最长 30 位") String phone,
                    @Email(message = "邮箱格式不正确") @Size(max = 100, message = "邮箱最长 100 位") String email,
                    @Size(max = 20, message = "工号最长 20 位") String agentNo,
                    @NotNull(message = "缺少版本号") Integer version) {}

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('account:manage')")
    AccountView edit(@PathVariable long id, @Valid @RequestBody EditForm f) {
        return AccountView.of(administration.edit(Callers.required(), id, f.version(), new AccountAdministration.AccountForm(
                null, f.displayName().trim(), f.orgNodeId(), f.phone(), f.email(), f.agentNo(), null)));
    }

    @PostMapping("/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('account:manage')")
    void disable(@PathVariable long id) {
        administration.setEnabled(Callers.required(), id, false);
    }

    @PostMapping("/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('account:manage')")
    void enable(@PathVariable long id) {
        administration.setEnabled(Callers.required(), id, true);
    }

    record PasswordForm(@NotBlank(message = "请输入新密码") @Size(max = 128, message = "密码最长 128 位") String password) {}

    @PostMapping("/{id}/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('account:manage')")
    void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordForm f) {
        administration.resetPassword(Callers.required(), id, f.password());
    }

    @PostMapping("/{id}/reset-second-factor")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('account:manage')")
    @Operation(summary = "重置双因素认证（解绑身份验证器；该账号下次登录时重新绑定）")
    void resetSecondFactor(@PathVariable long id) {
        administration.resetSecondFactor(Callers.required(), id);
    }

    @PostMapping("/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyAuthority('account:manage', 'security:policy')")
    void unlock(@PathVariable long id) {
        administration.unlock(Callers.required(), id);
    }

    @GetMapping("/{id}/sessions")
    @PreAuthorize("hasAnyAuthority('account:manage', 'security:policy')")
    Map<String, Integer> sessionCount(@PathVariable long id) {
        return Map.of("active", sessions.count(administration.visible(Callers.required(), id).username()));
    }

    @PostMapping("/{id}/end-sessions")
    @PreAuthorize("hasAnyAuthority('account:manage', 'security:policy')")
    @Operation(summary = "强制下线（结束该账号的全部会话）")
    Map<String, Integer> endSessions(@PathVariable long id) {
        return Map.of("ended", administration.endSessions(Callers.required(), id));
    }

    record RolesForm(@NotNull(message = "请选择角色") Set<Role> roles, @NotNull(message = "缺少版本号") Integer version) {}

    @PutMapping("/{id}/roles")
    @PreAuthorize("hasAuthority('role:grant')")
    @Operation(summary = "授予角色（仅安全管理员；不能改自己；三权不得兼任）")
    AccountView grantRoles(@PathVariable long id, @Valid @RequestBody RolesForm f) {
        return AccountView.of(administration.grantRoles(Callers.required(), id, f.version(), f.roles()));
    }
}
