package org.openhotline.reporting.internal.kpis;

/**
 * Rows an upheld appeal took out of a KPI ({@code rpt_exclusion}, code {@code :kpi}). Per source: an assignment
 * leaves only when the appeal was its own unit's; an order or callback row leaves the KPI altogether (the
 * dissatisfied verdict itself was found unfair). Call-center sources have none.
 */
final class Exclusions {

    private Exclusions() {}

    /** The predicate "this row was excluded", or null when the source has no exclusions. */
    static String excluded(Source s) {
        return switch (s) {
            // kept on the rows (OrderKpiColumns): the order's appeals of any unit, the assignment's of its own unit
            case ORDER, CALLBACK -> ":kpi = any(o.excluded_kpis)";
            case ASSIGNMENT -> ":kpi = any(a.excluded_kpis)";
            default -> null;
        };
    }

    /** The reasons shown beside an excluded row in the drill-down. */
    static String reason(Source s) {
        String order = switch (s) {
            case ORDER -> "o.order_id";
            case CALLBACK -> "b.order_id";
            case ASSIGNMENT -> "a.order_id";
            default -> null;
        };
        if (order == null) {
            return null;
        }
        String unit = s == Source.ASSIGNMENT ? " and e.unit_id = a.unit_id" : "";
        return "(select string_agg(e.reason, '；' order by e.at) from rpt_exclusion e where e.order_id = " + order + unit
                + " and e.kpi_code = :kpi) as exclusion_reason";
    }
}
