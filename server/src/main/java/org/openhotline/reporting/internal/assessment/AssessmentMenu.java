package org.openhotline.reporting.internal.assessment;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class AssessmentMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("统计分析", "rpt-unit-kpis", "成员单位考核", "/reports/unit-kpis", "report:read", 530),
                new MenuEntry("统计分析", "rpt-agent-assessment", "话务员考核", "/reports/agent-assessment", "report:read", 540),
                new MenuEntry("统计分析", "rpt-kpi-settings", "指标与考核配置", "/reports/kpi-settings", "business:config", 550),
                new MenuEntry("统计分析", "rpt-my-assessment", "我的考核", "/reports/my-assessment", "call:agent", 560));
    }
}
