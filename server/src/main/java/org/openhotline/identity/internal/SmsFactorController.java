package org.openhotline.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.identity.AccessPolicyChanged;
import org.openhotline.identity.Role;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security admin sets who logs in with an SMS code: whole roles, or single accounts. Each change is audited
 * ({@code security.sms-factor}). The admin powers keep their local login with an authenticator and are refused.
 */
@RestController
@RequestMapping("/api/security/sms-factor")
@Tag(name = "角色权限与安全策略")
@PreAuthorize("hasAuthority('security:policy')")
class SmsFactorController {

    private final SmsFactorSettings settings;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    SmsFactorController(SmsFactorSettings settings, Accounts accounts, ApplicationEventPublisher events) {
        this.settings = settings;
        this.accounts = accounts;
        this.events = events;
    }

    record View(List<String> roles, List<SmsFactorSettings.AccountEntry> accounts) {}

    @GetMapping
    @Operation(summary = "短信验证码登录的设置：按角色与按账号")
    View view() {
        return new View(settings.roles().stream().sorted().map(Enum::name).toList(), settings.accounts());
    }

    record RolesForm(@NotNull(message = "请选择角色") @Size(max = 20, message = "角色最多 20 个") List<String> roles) {}

    @PutMapping("/roles")
    @Transactional
    @Operation(summary = "设置须用短信验证码登录的角色（该角色的全部账号；系统、安全、审计管理员不可设置）")
    View setRoles(@Valid @RequestBody RolesForm form) {
        List<Role> roles = new ArrayList<>();
        for (String code : form.roles()) {
            Role role = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(code)).findFirst()
                    .orElseThrow(() -> DomainException.invalid("未知角色：" + (code == null ? "" : code.length() > 30 ? code.substring(0, 30) : code)));
            if (role.isAdminPower()) {
                throw DomainException.invalid("「" + role.label() + "」保留本地登录与身份验证器，不能改用短信验证码");
            }
            roles.add(role);
        }
        var change = settings.setRoles(roles, Callers.required().username());
        if (!change.added().isEmpty() || !change.removed().isEmpty()) {
            events.publishEvent(new AccessPolicyChanged("sms-factor", "sms-factor:roles",
                    Map.of("added", change.added().stream().map(Enum::name).toList(),
                            "removed", change.removed().stream().map(Enum::name).toList())));
        }
        return view();
    }

    @PutMapping("/accounts/{username}")
    @Transactional
    @Operation(summary = "设置某账号须用短信验证码登录（须已登记手机号；管理员账号不可设置）")
    View addAccount(@PathVariable String username) {
        Account account = account(username);
        if (account.isAdmin()) {
            throw DomainException.invalid("管理员账号保留本地登录与身份验证器，不能改用短信验证码");
        }
        if (account.phone() == null || account.phone().isBlank()) {
            throw DomainException.invalid("账号「" + account.username() + "」未登记手机号，请先由系统管理员登记");
        }
        if (settings.addAccount(account.id(), Callers.required().username())) {
            events.publishEvent(new AccessPolicyChanged("sms-factor", "account:" + account.username(), Map.of("on", true)));
        }
        return view();
    }

    @DeleteMapping("/accounts/{username}")
    @Transactional
    @Operation(summary = "取消某账号的短信验证码登录（其角色设置的仍然有效）")
    View removeAccount(@PathVariable String username) {
        Account account = account(username);
        if (settings.removeAccount(account.id())) {
            events.publishEvent(new AccessPolicyChanged("sms-factor", "account:" + account.username(), Map.of("on", false)));
        }
        return view();
    }

    private Account account(String username) {
        if (username == null || username.length() > 50) {
            throw DomainException.invalid("用户名最长 50 位");
        }
        return accounts.byUsername(username.strip()).orElseThrow(() -> DomainException.notFound("没有账号「" + username.strip() + "」"));
    }
}
