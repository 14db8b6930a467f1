package org.openhotline.reporting.internal.facts;

import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.HistoryPlan;
import org.springframework.stereotype.Component;

/**
 * Last of the demo history's hooks: the other modules wrote their records in bulk, without events, so the facts are
 * rebuilt from them once (the same rebuild an operator runs), and every report shows the year at once.
 */
@Component
class HistoryFacts implements DemoHistory {

    private final FactRebuild rebuild;

    HistoryFacts(FactRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public long seedHistory(HistoryPlan plan) {
        if (plan.rowsBefore() == 0) {
            return 0;
        }
        return rebuild.rebuild().values().stream().mapToLong(Integer::longValue).sum();
    }
}
