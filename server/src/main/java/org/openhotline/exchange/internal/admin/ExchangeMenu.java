package org.openhotline.exchange.internal.admin;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class ExchangeMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("系统管理", "exchange", "数据交换", "/exchange", "config:manage", 880));
    }
}
