package org.openhotline.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.openhotline.identity.Permission;
import org.openhotline.identity.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The security admin's screens: each role's permissions and the security policy. */
@RestController
@RequestMapping("/api")
@Tag(name = "角色权限与安全策略")
class AccessController {

    private final AccessAdministration access;

    AccessController(AccessAdministration access) {
        this.access = access;
    }

    record PermissionView(String code, String label, String reservedFor) {}

    record RoleView(String code, String label, boolean adminPower, List<String> permissions) {}

    @GetMapping("/permissions")
    @PreAuthorize("hasAnyAuthority('role:grant', 'account:manage')")
    List<PermissionView> permissions() {
        return Arrays.stream(Permission.values()).map(p -> new PermissionView(p.code(), p.label(),
                p.reservedFor() == null ? null : p.reservedFor().name())).toList();
    }

    @GetMapping("/roles")
    @PreAuthorize("hasAnyAuthority('role:grant', 'account:manage')")
    @Operation(summary = "角色及其权限")
    List<RoleView> roles() {
        return Arrays.stream(Role.values()).map(r -> new RoleView(r.name(), r.label(), r.isAdminPower(),
                access.permissionsOf(r).stream().sorted().toList())).toList();
    }

    record PermissionsForm(@NotNull(message = "请选择权限") Set<String> permissions) {}

    @PutMapping("/roles/{role}/permissions")
    @PreAuthorize("hasAuthority('role:grant')")
    @Operation(summary = "设置角色权限（管理员三权的专属权限不能授予其他角色）")
    RoleView setPermissions(@PathVariable Role role, @Valid @RequestBody PermissionsForm f) {
        access.setPermissions(role, f.permissions());
        return new RoleView(role.name(), role.label(), role.isAdminPower(),
                access.permissionsOf(role).stream().sorted().toList());
    }

    @GetMapping("/security/policy")
    @PreAuthorize("hasAuthority('security:policy')")
    SecurityPolicy policy() {
        return access.policy();
    }

    @PutMapping("/security/policy")
    @PreAuthorize("hasAuthority('security:policy')")
    @Operation(summary = "修改安全策略（密码长度、锁定次数与时长、会话超时）")
    SecurityPolicy setPolicy(@RequestBody SecurityPolicy policy) {
        return access.setPolicy(policy);
    }
}
