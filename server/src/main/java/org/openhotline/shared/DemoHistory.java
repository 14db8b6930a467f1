package org.openhotline.shared;

/**
 * A module's part of the demo year of history (hotline.demo.history): on first start, after the {@link DemoSeed}s,
 * each module writes the {@link HistoryPlan}'s days into its OWN tables, in bulk and in one transaction, so that
 * drill-downs show real records. Hooks run in {@link #order()}; a module that already has records in the plan's
 * period writes nothing, so a restart (or a second instance) never doubles the year.
 */
public interface DemoHistory {

    int order();

    /** Writes the plan's history and answers the rows written (0 when there was already some). */
    long seedHistory(HistoryPlan plan);
}
