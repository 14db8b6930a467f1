package org.openhotline.operations.internal;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class OpsMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("运维管理", "ops-health", "运维监控", "/ops/health", "ops:view", 960),
                new MenuEntry("运维管理", "ops-alarms", "告警管理", "/ops/alarms", "ops:view", 962),
                new MenuEntry("运维管理", "ops-backups", "备份与巡检", "/ops/backups", "ops:view", 964));
    }
}
