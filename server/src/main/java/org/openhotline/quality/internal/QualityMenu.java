package org.openhotline.quality.internal;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

/**
 * The quality screens in the menu: inspectors' tasks and calibration (qc:inspect), the QC lead's templates, plans and
 * appeals (qc:lead), the agent's and team leader's results, the manager's analysis (report:read).
 */
@Component
class QualityMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("质检", "qc-tasks", "质检任务", "/quality/tasks", "qc:inspect", 320),
                new MenuEntry("质检", "qc-appeals", "申诉复核", "/quality/appeals", "qc:inspect", 322),
                new MenuEntry("质检", "qc-appeals", "申诉复核", "/quality/appeals", "qc:lead", 322),
                new MenuEntry("质检", "qc-calibrations", "质检校准", "/quality/calibrations", "qc:inspect", 324),
                new MenuEntry("质检", "qc-calibrations", "质检校准", "/quality/calibrations", "qc:lead", 324),
                new MenuEntry("质检", "qc-templates", "质检模板", "/quality/templates", "qc:lead", 330),
                new MenuEntry("质检", "qc-plans", "抽检计划", "/quality/plans", "qc:lead", 340),
                new MenuEntry("质检", "qc-analysis", "质检分析", "/quality/analysis", "qc:lead", 350),
                new MenuEntry("质检", "qc-analysis", "质检分析", "/quality/analysis", "report:read", 350),
                new MenuEntry("质检", "qc-mine", "我的质检", "/quality/mine", "call:agent", 360),
                new MenuEntry("质检", "qc-team", "班组质检", "/quality/team", "call:monitor", 370));
    }
}
