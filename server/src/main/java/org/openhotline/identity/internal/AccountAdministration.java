package org.openhotline.identity.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openhotline.identity.AccountChanged;
import org.openhotline.identity.Role;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system admin's work on accounts (create, edit, disable, reset password, unlock, end sessions) and the
 * security admin's one power over them: granting roles. Each use case checks the caller's scope.
 */
@Service
class AccountAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_.-]{2,49}");

    private final Accounts accounts;
    private final SecurityPolicies policies;
    private final PasswordEncoder encoder;
    private final Organization organization;
    private final StaffSessions sessions;
    private final ApplicationEventPublisher events;
    private final PasswordHistory history;
    private final SecondFactors secondFactors;

    AccountAdministration(Accounts accounts, SecurityPolicies policies, PasswordEncoder encoder,
                          Organization organization, StaffSessions sessions, ApplicationEventPublisher events,
                          PasswordHistory history, SecondFactors secondFactors) {
        this.history = history;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.policies = policies;
        this.encoder = encoder;
        this.organization = organization;
        this.sessions = sessions;
        this.events = events;
    }

    record AccountForm(String username, String displayName, long orgNodeId, String phone, String email, String agentNo,
                       String password) {}

    @Transactional
    Account create(StaffPrincipal caller, AccountForm f) {
        if (f.username() == null || !USERNAME.matcher(f.username()).matches()) {
            throw DomainException.invalid("用户名须以小写字母开头，由小写字母、数字、下划线、点或短横线组成，3 到 50 位");
        }
        if (accounts.byUsername(f.username()).isPresent()) {
            throw DomainException.conflict("用户名 " + f.username() + " 已存在");
        }
        OrgNode node = nodeInScope(caller, f.orgNodeId());
        policies.current().checkPassword(f.username(), f.password());
        String hash = encoder.encode(f.password());
        long id = accounts.insert(f.username(), f.displayName(), hash, node.id(),
                blank(f.phone()), blank(f.email()), blank(f.agentNo()));
        history.remember(id, hash);
        accounts.requirePasswordChange(id); // a password the admin knows: the holder replaces it at first login
        events.publishEvent(new AccountChanged(id, f.username(), "created",
                Map.of("displayName", f.displayName(), "orgNode", node.name())));
        return accounts.byId(id).orElseThrow();
    }

    @Transactional(noRollbackFor = PowerRefused.class)
    Account edit(StaffPrincipal caller, long id, int version, AccountForm f) {
        Account before = manageable(caller, id, "edit");
        OrgNode node = nodeInScope(caller, f.orgNodeId());
        accounts.update(id, version, f.displayName(), node.id(), blank(f.phone()), blank(f.email()), blank(f.agentNo()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("displayName", f.displayName());
        details.put("orgNode", node.name());
        details.put("orgNodeBefore", before.orgName());
        events.publishEvent(new AccountChanged(id, before.username(), "updated", details));
        if (before.orgNodeId() != node.id()) {
            sessions.endAll(before.username()); // a new node is a new data scope
        }
        return accounts.byId(id).orElseThrow();
    }

    @Transactional(noRollbackFor = PowerRefused.class)
    void setEnabled(StaffPrincipal caller, long id, boolean enabled) {
        Account account = manageable(caller, id, enabled ? "enable" : "disable");
        if (account.id() == caller.accountId()) {
            throw DomainException.invalid("不能停用或启用自己的账号");
        }
        accounts.setEnabled(id, enabled);
        if (enabled) {
            accounts.reactivate(id);
        }
        if (!enabled) {
            sessions.endAll(account.username());
        }
        events.publishEvent(new AccountChanged(id, account.username(), enabled ? "enabled" : "disabled", Map.of()));
    }

    @Transactional(noRollbackFor = PowerRefused.class)
    void resetPassword(StaffPrincipal caller, long id, String password) {
        Account account = manageable(caller, id, "reset-password");
        if (account.id() == caller.accountId()) {
            throw DomainException.conflict("不能重置自己的密码，请在“修改密码”中输入原密码后修改");
        }
        SecurityPolicy policy = policies.current();
        policy.checkPassword(account.username(), password);
        history.check(account, password, policy.historyCount());
        String hash = encoder.encode(password);
        accounts.setPassword(id, hash);
        history.remember(id, hash);
        accounts.requirePasswordChange(id);
        sessions.endAll(account.username());
        events.publishEvent(new AccountChanged(id, account.username(), "password-reset", Map.of()));
    }

    @Transactional
    void changeOwnPassword(StaffPrincipal caller, String oldPassword, String newPassword) {
        Account account = accounts.byId(caller.accountId()).orElseThrow();
        if (!encoder.matches(oldPassword, account.passwordHash())) {
            throw DomainException.invalid("原密码不正确");
        }
        if (oldPassword.equals(newPassword)) {
            throw DomainException.invalid("新密码不能与原密码相同");
        }
        SecurityPolicy policy = policies.current();
        policy.checkPassword(account.username(), newPassword);
        history.check(account, newPassword, policy.historyCount());
        String hash = encoder.encode(newPassword);
        accounts.setPassword(account.id(), hash);
        history.remember(account.id(), hash);
        events.publishEvent(new AccountChanged(account.id(), account.username(), "password-changed", Map.of()));
        if (account.passwordMustChange()) {
            sessions.endAll(account.username()); // the restricted session ends; the next login has the account's roles
        }
    }

    @Transactional(noRollbackFor = PowerRefused.class)
    void unlock(StaffPrincipal caller, long id) {
        Account account = manageable(caller, id, "unlock");
        accounts.unlock(id);
        accounts.reactivate(id); // an account the inactivity rule closed opens too
        events.publishEvent(new AccountChanged(id, account.username(), "unlocked", Map.of()));
    }

    /**
     * The system admin resets a lost authenticator like a lost password (三权分立 as for every account action: not
     * for another admin power's account, whose holder comes back through the admin recovery). The holder enrols a
     * new one at the next login.
     */
    @Transactional(noRollbackFor = PowerRefused.class)
    void resetSecondFactor(StaffPrincipal caller, long id) {
        Account account = manageable(caller, id, "reset-second-factor");
        if (account.id() == caller.accountId()) {
            throw DomainException.conflict("不能重置自己的双因素认证，请在“账号安全”中管理");
        }
        if (!secondFactors.remove(id)) {
            throw DomainException.invalid("该账号尚未绑定身份验证器");
        }
        sessions.endAll(account.username());
        events.publishEvent(new AccountChanged(id, account.username(), "second-factor-reset", Map.of()));
    }

    @Transactional(noRollbackFor = PowerRefused.class)
    int endSessions(StaffPrincipal caller, long id) {
        Account account = manageable(caller, id, "end-sessions");
        int ended = sessions.endAll(account.username());
        events.publishEvent(new AccountChanged(id, account.username(), "sessions-ended", Map.of("count", ended)));
        return ended;
    }

    /** The security admin's grant. Nobody changes their own roles; no account holds two admin powers. */
    @Transactional(noRollbackFor = PowerRefused.class)
    Account grantRoles(StaffPrincipal caller, long id, int version, Set<Role> roles) {
        Account account = manageable(caller, id, "grant-roles");
        if (account.id() == caller.accountId()) {
            throw DomainException.conflict("不能修改自己的角色");
        }
        if (account.version() != version) {
            throw DomainException.conflict("该账号已被他人修改，请刷新后重试");
        }
        Set<Role> admin = EnumSet.noneOf(Role.class);
        roles.stream().filter(Role::isAdminPower).forEach(admin::add);
        if (admin.size() > 1) {
            throw DomainException.conflict("三权分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任");
        }
        if (!admin.isEmpty() && roles.size() > 1) {
            throw DomainException.conflict("管理员账号不能兼任业务角色");
        }
        accounts.replaceRoles(id, roles);
        sessions.endAll(account.username()); // new roles take effect at the next login
        events.publishEvent(new AccountChanged(id, account.username(), "roles-granted",
                Map.of("before", account.roles().stream().map(Enum::name).sorted().toList(),
                        "after", roles.stream().map(Enum::name).sorted().toList())));
        return accounts.byId(id).orElseThrow();
    }

    /**
     * An account the caller may act on: inside its scope, and holding no admin power the caller does not hold
     * itself (三权分立). Otherwise the system admin could reset the audit admin's password and log in as them.
     * A refusal is audited; the caller's transaction keeps that record because {@link PowerRefused} does not roll
     * it back, and nothing else has been written yet.
     */
    private Account manageable(StaffPrincipal caller, long id, String action) {
        Account target = visible(caller, id);
        var foreign = target.roles().stream().filter(Role::isAdminPower).filter(r -> !caller.hasRole(r.name()))
                .findFirst();
        if (foreign.isPresent()) {
            events.publishEvent(new AccountChanged(target.id(), target.username(), "refused",
                    Map.of("outcome", "denied", "attempted", action, "reason", "separation-of-powers")));
            throw new PowerRefused("三权分立：不能操作" + foreign.get().label() + "的账号。管理员账号的找回见《管理员手册》“管理员账号恢复”");
        }
        return target;
    }

    /** A 三权分立 refusal: a 403 whose audit record must survive the refused transaction. */
    static final class PowerRefused extends DomainException {
        PowerRefused(String message) {
            super(org.springframework.http.HttpStatus.FORBIDDEN, "separation-of-powers", message);
        }
    }

    /** An account inside the caller's scope; others do not exist as far as the caller can tell. */
    Account visible(StaffPrincipal caller, long id) {
        return accounts.byId(id).filter(a -> caller.sees(a.orgPath()))
                .orElseThrow(() -> DomainException.notFound("账号不存在或不在您的管辖范围内"));
    }

    private OrgNode nodeInScope(StaffPrincipal caller, long nodeId) {
        OrgNode node = organization.node(nodeId).filter(n -> caller.sees(n.path()))
                .orElseThrow(() -> DomainException.invalid("所属机构不存在或不在您的管辖范围内"));
        if (!node.enabled()) {
            throw DomainException.invalid("所属机构「" + node.name() + "」已停用");
        }
        return node;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
