package org.openhotline.reporting.internal.api;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class ReportingMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("统计分析", "rpt-cockpit", "驾驶舱", "/reports/cockpit", "report:read", 500),
                new MenuEntry("统计分析", "rpt-kpis", "指标总览", "/reports/kpis", "report:read", 510),
                new MenuEntry("统计分析", "rpt-tables", "报表", "/reports/tables", "report:read", 515),
                new MenuEntry("统计分析", "rpt-bigscreen", "大屏", "/reports/bigscreen", "bigscreen:view", 520),
                new MenuEntry("统计分析", "rpt-hot-topics", "热点诉求", "/reports/hot-topics", "report:read", 530),
                new MenuEntry("统计分析", "rpt-periodic", "分析报告", "/reports/periodic", "bigscreen:view", 540));
    }
}
