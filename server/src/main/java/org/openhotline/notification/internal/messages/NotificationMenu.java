package org.openhotline.notification.internal.messages;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class NotificationMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("业务配置", "sms", "短信管理", "/admin/sms", "business:config", 730));
    }
}
