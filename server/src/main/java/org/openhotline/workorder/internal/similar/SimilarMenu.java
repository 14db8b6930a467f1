package org.openhotline.workorder.internal.similar;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class SimilarMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("工单", "wo-duplicates", "疑似重复工单", "/workorders/duplicates",
                "workorder:dispatch", 112));
    }
}
