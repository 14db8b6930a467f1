package org.openhotline.workorder.internal.dispatch.catalogue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openhotline.organization.OrgNode;
import org.openhotline.workorder.internal.dispatch.suggest.ModelTraining;
import org.openhotline.workorder.internal.dispatch.suggest.OrgSnapshot;
import org.openhotline.workorder.internal.dispatch.suggest.UnitRoles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tries a rule (saved or not) on the orders closed in the last {@code days} days before the manager publishes it: how
 * many it would have caught, and how many of those ended with the unit it names (the same kind of unit in the order's
 * district or street, for a local rule), with the disagreements to look at.
 */
@Component
class CatalogueTrial {

    record Disagreement(long id, String number, String title, String finalUnit, String ruleUnit) {}

    record TrialResult(int days, int scanned, int matched, int agreed, double agreement, List<Disagreement> disagreements) {}

    private final JdbcClient jdbc;
    private final OrgSnapshot org;
    private final RegionPaths regions;
    private final Clock clock;

    CatalogueTrial(JdbcClient jdbc, OrgSnapshot org, RegionPaths regions, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.regions = regions;
        this.clock = clock;
    }

    TrialResult run(DispatchRule draft, int days) {
        DispatchRule rule = regions.withRegionPath(draft);
        UnitRoles roles = org.tree().roles();
        Optional<String> role = rule.local() ? roles.roleOf(rule.mainUnitId()) : Optional.empty();
        int[] counts = new int[3];
        List<Disagreement> disagreements = new ArrayList<>();
        jdbc.sql("""
                select o.id, o.number, o.title, o.content, o.appeal_type, o.region_path, c.path, a.unit_id, a.unit_name
                  from work_order o
                  left join wo_category c on c.id = o.category_id
                  join lateral (select unit_id, unit_name from wo_assignment a
                                 where a.work_order_id = o.id and a.role = 'MAIN' and a.state <> 'RETURNED'
                                 order by a.id desc limit 1) a on true
                 where o.state = 'CLOSED' and o.closed_at >= ?
                   and (?::varchar is null or c.path like ? || '%')
                   and (?::varchar is null or o.region_path like ? || '%')
                 order by o.closed_at desc limit 20000""")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(days))), rule.categoryPath(), rule.categoryPath(),
                        rule.regionPath(), rule.regionPath())
                .query(rs -> {
                    counts[0]++;
                    var appeal = new DispatchRule.Appeal(ModelTraining.text(rs.getString(3), rs.getString(4)), rs.getString(7),
                            rs.getString(6), rs.getString(5));
                    if (!rule.matches(appeal)) {
                        return;
                    }
                    counts[1]++;
                    long expected = role.flatMap(r -> roles.resolve(r, appeal.regionPath())).map(OrgNode::id).orElse(rule.mainUnitId());
                    if (rs.getLong(8) == expected) {
                        counts[2]++;
                    } else if (disagreements.size() < 10) {
                        disagreements.add(new Disagreement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(9),
                                roles.node(expected).map(OrgNode::name).orElse("")));
                    }
                });
        return new TrialResult(days, counts[0], counts[1], counts[2], counts[1] == 0 ? 0 : (double) counts[2] / counts[1],
                disagreements);
    }
}
