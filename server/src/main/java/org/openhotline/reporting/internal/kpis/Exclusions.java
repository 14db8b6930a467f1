package org.openhotline.reporting.internal.kpis;

/**
 * Rows an upheld appeal took out of a KPI ({@code rpt_exclusion}, code {@code :kpi}). Per source: an assignment
 * leaves only when the appeal was its own unit's; an order or callback row leaves the KPI altogether (the
 * dissatisfied verdict itself was found unfair) — unless the decision regraded the callback (改判), which keeps it
 * in with the decided grade. Call-center sources have none.
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

    /** A regraded callback (改判) stays in the KPI; its reason says what the decision made of it. */
    private static final String REASON = """
            case e.regrade when 'SATISFIED' then '改判为满意：' || e.reason
                           when 'BASICALLY_SATISFIED' then '改判为基本满意：' || e.reason else e.reason end""";

    /**
     * The grade an upheld appeal gave a dissatisfied callback recorded before its decision (改判), null when none:
     * the satisfaction KPI counts the callback with it.
     */
    static final String REGRADE = """
            (select e.regrade from rpt_exclusion e where e.order_id = b.order_id and e.kpi_code = 'satisfaction'
                and e.regrade is not null and b.satisfaction = 'DISSATISFIED' and b.at <= e.at order by e.at desc limit 1)""";

    /** An upheld MISDIRECTED appeal of the unit: the order was not its duty, so the hotline dispatched it wrongly. */
    static final String MISDIRECTED = """
            exists (select 1 from rpt_exclusion e where e.order_id = a.order_id and e.unit_id = a.unit_id and e.kind = 'MISDIRECTED')""";

    /** The same for a work-order QC result: any upheld MISDIRECTED appeal on its order. */
    static final String ORDER_MISDIRECTED = """
            exists (select 1 from rpt_exclusion e where e.order_id = q.order_id and e.kind = 'MISDIRECTED')""";

    /** The reasons shown beside an excluded (or, for callbacks, regraded) row in the drill-down. */
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
        return "(select string_agg(" + REASON + ", '；' order by e.at) from rpt_exclusion e where e.order_id = " + order + unit
                + " and e.kpi_code = :kpi) as exclusion_reason";
    }
}
