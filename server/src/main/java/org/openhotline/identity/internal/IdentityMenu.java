package org.openhotline.identity.internal;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class IdentityMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("系统管理", "accounts", "账号管理", "/admin/accounts", "account:manage", 900),
                new MenuEntry("安全管理", "grants", "角色授权", "/security/grants", "role:grant", 910),
                new MenuEntry("安全管理", "roles", "角色权限", "/security/roles", "role:grant", 911),
                new MenuEntry("安全管理", "policy", "安全策略", "/security/policy", "security:policy", 912),
                // 三权分立: each of the three admins sees the joint recovery screen through their own power
                new MenuEntry("系统管理", "admin-recoveries", "管理员账号恢复", "/admin/recoveries", "account:manage", 905),
                new MenuEntry("安全管理", "admin-recoveries", "管理员账号恢复", "/admin/recoveries", "role:grant", 913),
                new MenuEntry("审计管理", "admin-recoveries", "管理员账号恢复", "/admin/recoveries", "audit:read", 951),
                // everyone's own second factor (issue 19)
                new MenuEntry("个人设置", "account-security", "账号安全", "/account/security", null, 990));
    }
}
