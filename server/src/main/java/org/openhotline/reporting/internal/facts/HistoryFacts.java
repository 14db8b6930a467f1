package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.HistoryPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Last of the demo history's hooks: the other modules wrote their records in bulk, without events, so the facts are
 * rebuilt from them once (the same rebuild an operator runs), and every report shows the year at once. The year is
 * written in the background after the start, so a stop can fall between the other hooks' commits and this one: then
 * the next start finds their records there (they write nothing) but no facts for them, and rebuilds all the same.
 */
@Component
class HistoryFacts implements DemoHistory {

    private final FactRebuild rebuild;
    private final JdbcClient jdbc;

    HistoryFacts(FactRebuild rebuild, JdbcClient jdbc) {
        this.rebuild = rebuild;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public long seedHistory(HistoryPlan plan) {
        if (plan.rowsBefore() == 0 && !factsMissing(plan)) {
            return 0;
        }
        return rebuild.rebuild().values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The period has calls or orders (the owners' views) but not one fact of either: a rebuild was cut short. */
    private boolean factsMissing(HistoryPlan plan) {
        Timestamp from = Timestamp.from(plan.start());
        Timestamp to = Timestamp.from(plan.end());
        return jdbc.sql("""
                select (exists(select 1 from rpt_source_call where arrived_at >= :from and arrived_at < :to)
                        and not exists(select 1 from rpt_call_fact where arrived_at >= :from and arrived_at < :to))
                    or (exists(select 1 from rpt_source_order where created_at >= :from and created_at < :to)
                        and not exists(select 1 from rpt_order_fact where created_at >= :from and created_at < :to))""")
                .param("from", from).param("to", to).query(Boolean.class).single();
    }
}
