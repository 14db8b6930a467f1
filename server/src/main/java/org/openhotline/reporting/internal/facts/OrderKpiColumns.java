package org.openhotline.reporting.internal.facts;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The KPI columns of an order fact and its assignment facts that depend on other fact rows: approved return and
 * extension, the latest return request and the upheld appeals of the assignment's unit (from {@code
 * rpt_assignment_decision} and {@code rpt_exclusion}); the main unit's standing reply, the first signing, the first
 * callback and the upheld appeals of the order (from the assignments, {@code rpt_callback_fact} and {@code
 * rpt_exclusion}). The KPI formulas read these columns instead of asking the other tables for every counted row.
 * <p>
 * They are recomputed from the facts — never added to — so a listener that wrote any fact of the order recomputes
 * them, whatever the order and number of the events; the rebuild runs the same statements for every order. Two
 * listeners of one order at once could each miss the other's uncommitted fact and leave a stale value, so every
 * listener writing an order's facts takes the order's lock ({@link #lock}) first: the later one waits, and its
 * statements then see the earlier one's rows.
 */
final class OrderKpiColumns {

    private OrderKpiColumns() {}

    private static final String ASSIGNMENTS = """
            update rpt_assignment_fact a
               set return_approved = exists (select 1 from rpt_assignment_decision r
                                              where r.assignment_id = a.assignment_id and r.kind = 'RETURN_APPROVED'),
                   extension_approved = exists (select 1 from rpt_assignment_decision r
                                                 where r.assignment_id = a.assignment_id and r.kind = 'EXTENSION_APPROVED'),
                   return_requested_at = (select max(r.at) from rpt_assignment_decision r
                                           where r.assignment_id = a.assignment_id and r.kind = 'RETURN_REQUESTED'),
                   excluded_kpis = array(select distinct e.kpi_code from rpt_exclusion e
                                          where e.order_id = a.order_id and e.unit_id = a.unit_id
                                            and e.regrade is null order by 1)""";

    /** The order fact's recomputed columns, in this order, as values for the order {@code orderId} names. */
    static final String ORDER_COLUMNS = "main_reply_at, first_signed_at, first_callback_at, excluded_kpis";

    /** The values of {@link #ORDER_COLUMNS} for the order {@code orderId} (a column or a parameter) names. */
    static String orderValues(String orderId) {
        return """
                (select max(x.replied_at) from rpt_assignment_fact x where x.order_id = %1$s and x.role = 'MAIN'),
                (select min(x.signed_at) from rpt_assignment_fact x where x.order_id = %1$s),
                (select min(b.at) from rpt_callback_fact b where b.order_id = %1$s),
                array(select distinct e.kpi_code from rpt_exclusion e where e.order_id = %1$s and e.regrade is null order by 1)"""
                .formatted(orderId);
    }

    private static final String ORDER = "update rpt_order_fact o set (" + ORDER_COLUMNS + ") = ("
            + orderValues("o.order_id") + ")";

    /** Waits for any other listener writing this order's facts; held until the transaction ends. */
    static void lock(JdbcClient jdbc, long orderId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rpt_order_fact'), hashtext(?::text))").param(orderId)
                .query().singleRow();
    }

    /** Recomputes the columns of one order and its assignments (the caller holds {@link #lock}). */
    static void refresh(JdbcClient jdbc, long orderId) {
        jdbc.sql(ASSIGNMENTS + " where a.order_id = ?").param(orderId).update();
        jdbc.sql(ORDER + " where o.order_id = ?").param(orderId).update();
    }

    /** Recomputes the columns of every order and assignment (the rebuild, which holds the fact tables' locks). */
    static void refreshAll(JdbcClient jdbc) {
        jdbc.sql(ASSIGNMENTS).update();
        jdbc.sql(ORDER).update();
    }
}
