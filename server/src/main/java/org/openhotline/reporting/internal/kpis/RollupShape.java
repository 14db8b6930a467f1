package org.openhotline.reporting.internal.kpis;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What the daily rollups keep of each source: the dimensions a page may group the rolled-up days by (besides day,
 * week and month), the SQL filling each rollup column from the facts, the org nodes whose data scope holds an order
 * figure's row, and the KPIs whose rows depend on "now". A team (班组) is its agents' rows, by the membership of the
 * day ({@link KpiRollups}). Anything else — an order figure below the city grouped by other than time, QC and
 * adherence facts — is counted from the facts as before.
 */
final class RollupShape {

    private RollupShape() {}

    static final Set<Source> ROLLED = EnumSet.of(Source.CALL, Source.STATE, Source.ORDER, Source.ASSIGNMENT, Source.CALLBACK);

    /**
     * KPIs that count a row by whether its deadline passed before {@code :now}, with the moment a row's membership
     * changes: a rolled-up day holds until the first such moment after it was counted.
     */
    static final Map<String, String> PENDING = Map.of(
            "sign-timeliness", "case when a.signed_at is null then a.sign_due_at end",
            "completion-on-time", "case when a.replied_at is null then a.handle_due_at end");

    static boolean groups(Source s, Dimension d) {
        if (d == null || d.time() || s.key(d, "x") == null) {
            return true; // a dimension the facts lack gives no groups either way
        }
        return switch (s) {
            case CALL -> d == Dimension.AGENT || d == Dimension.GROUP || d == Dimension.TEAM;
            case STATE -> d == Dimension.AGENT || d == Dimension.TEAM;
            case ORDER, CALLBACK -> d == Dimension.REGION || d == Dimension.CHANNEL || d == Dimension.CATEGORY;
            case ASSIGNMENT -> d == Dimension.UNIT || d == Dimension.CATEGORY;
            default -> false;
        };
    }

    /**
     * Whether the rows of an order figure under {@code scopePath} are rolled up (grain SCOPE): a node's path, whose
     * "like" prefix match is one of the prefixes {@link #scopePaths} keeps, with no LIKE wildcard in it.
     */
    static boolean scoped(String scopePath) {
        return scopePath.startsWith("/") && scopePath.endsWith("/") && !scopePath.matches(".*[%_\\\\].*");
    }

    /**
     * The org nodes whose data scope holds a row, as SQL over the source's rows (a text array): the prefixes of the
     * paths {@link Source}'s scope predicate matches — an order's region and every unit it was dispatched to, a
     * dispatch's unit and its order's region.
     */
    static String scopePaths(Source s) {
        return switch (s) {
            case ORDER, CALLBACK -> """
                    array(select rpt_path_prefixes(o.region_path)
                          union select rpt_path_prefixes(x.unit_path) from rpt_assignment_fact x where x.order_id = o.order_id)""";
            case ASSIGNMENT -> "array(select rpt_path_prefixes(a.unit_path) union select rpt_path_prefixes(o.region_path))";
            default -> throw new IllegalArgumentException(s.name());
        };
    }

    /** The rollup columns agent_id, group_id, unit_id, region, channel, category_id as SQL over the source's rows. */
    static String fillColumns(Source s) {
        String region = "nullif(split_part(o.region_path, '/', 4), '')";
        String category = "o.category_id::text";
        String[] columns = switch (s) {
            case CALL -> new String[] {"c.agent_id", "c.group_id::text", "null::text", "null::text", "null::text", "null::text"};
            case ORDER, CALLBACK -> new String[] {"null::bigint", "null::text", "null::text", region, "o.channel::text", category};
            case ASSIGNMENT -> new String[] {"null::bigint", "null::text", "a.unit_id::text", "null::text", "null::text", category};
            default -> throw new IllegalArgumentException(s.name());
        };
        String[] names = {"agent_id", "group_id", "unit_id", "region", "channel", "category_id"};
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(columns[i]).append(" as ").append(names[i]);
        }
        return sql.toString();
    }

    /** The fact table (with the formulas' alias) holding a period column. */
    static String table(String periodColumn) {
        return switch (periodColumn.substring(0, 2)) {
            case "c." -> "rpt_call_fact c";
            case "s." -> "rpt_agent_state_fact s";
            case "o." -> "rpt_order_fact o";
            case "a." -> "rpt_assignment_fact a";
            case "b." -> "rpt_callback_fact b";
            default -> throw new IllegalArgumentException(periodColumn);
        };
    }

    /**
     * The group key of {@code d} over a rollup row {@code t} (day, agent_id, group_id, unit_id, region, channel,
     * category_id, and team_name where {@link KpiRollups} joined the team of the day).
     */
    static String key(Dimension d, String t) {
        return switch (d) {
            case DAY -> "to_char(" + t + ".day, 'YYYY-MM-DD')";
            case WEEK -> "to_char(date_trunc('week', " + t + ".day::timestamp), 'YYYY-MM-DD')";
            case MONTH -> "to_char(" + t + ".day, 'YYYY-MM')";
            case AGENT -> t + ".agent_id::text";
            case GROUP -> t + ".group_id";
            case UNIT -> t + ".unit_id";
            case REGION -> t + ".region";
            case CHANNEL -> t + ".channel";
            case CATEGORY -> t + ".category_id";
            case TEAM -> t + ".team_name";
        };
    }
}
