package org.openhotline.organization.internal;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class OrganizationMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("工作台", "home", "首页", "/home", null, 0),
                new MenuEntry("组织机构", "yellow-pages", "部门黄页", "/org/yellow-pages", null, 800),
                new MenuEntry("系统管理", "regions", "区域管理", "/admin/regions", "org:manage", 901),
                new MenuEntry("系统管理", "units", "承办单位管理", "/admin/units", "org:manage", 902));
    }
}
