package org.openhotline.calendar.internal;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class CalendarMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("业务配置", "calendar", "工作日历", "/workorders/admin/calendar", "business:config", 720),
                new MenuEntry("业务配置", "time-limits", "办理时限", "/workorders/admin/time-limits", "business:config", 721));
    }
}
