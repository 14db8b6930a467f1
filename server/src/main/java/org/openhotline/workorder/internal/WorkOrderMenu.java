package org.openhotline.workorder.internal;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class WorkOrderMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("工单", "wo-intake", "工单受理", "/workorders/intake", "workorder:intake", 100),
                new MenuEntry("工单", "wo-dispatch", "派单工作台", "/workorders/dispatch", "workorder:dispatch", 110),
                new MenuEntry("工单", "wo-unit", "承办工作台", "/workorders/unit", "workorder:handle", 120),
                new MenuEntry("工单", "wo-callback", "回访工作台", "/workorders/callback", "workorder:callback", 130),
                new MenuEntry("工单", "wo-supervise", "督办看板", "/workorders/supervise", "workorder:supervise", 140),
                new MenuEntry("工单", "wo-search", "工单查询", "/workorders", "workorder:read", 150),
                new MenuEntry("工单", "wo-appeals", "我的申诉", "/workorders/appeals", "workorder:handle", 160),
                new MenuEntry("工单", "wo-appeal-review", "申诉审核", "/workorders/appeals/review", "workorder:supervise", 161),
                new MenuEntry("工单", "wo-appeal-escalated", "申诉决定", "/workorders/appeals/escalated", "business:config", 162),
                new MenuEntry("业务配置", "wo-categories", "诉求分类", "/workorders/admin/categories", "business:config", 710),
                new MenuEntry("业务配置", "wo-settings", "工单设置", "/workorders/admin/settings", "business:config", 715),
                new MenuEntry("业务配置", "wo-review-rules", "特殊单与申诉设置", "/workorders/admin/review-rules", "business:config", 716),
                new MenuEntry("业务配置", "wo-dispatch-catalogue", "派单目录", "/workorders/admin/dispatch-catalogue", "business:config", 717),
                new MenuEntry("业务配置", "wo-auto-dispatch", "自动派单", "/workorders/admin/auto-dispatch", "business:config", 718));
    }
}
