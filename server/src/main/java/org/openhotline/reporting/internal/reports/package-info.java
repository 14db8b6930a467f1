/**
 * Report tables (统计分析 · 报表): each report is a named query over the fact tables — the facts it reads
 * ({@link org.openhotline.reporting.internal.reports.Base}), its rows (a period of the chosen granularity and/or a
 * dimension such as agent, skill group or unit), its columns (counts, seconds, averages and percentages, each an
 * aggregate with the predicate of the rows it counts) and its filters. One statement computes the rows and the
 * totals ({@code grouping sets}), so a total is always the figure of the same rows; every count opens its records
 * through the same predicate; the Excel export writes the very rows the API answers. Definitions are plain data in
 * {@link org.openhotline.reporting.internal.reports.CallReports} and
 * {@link org.openhotline.reporting.internal.reports.OrderReports}; docs/reporting.md lists them column by column.
 */
package org.openhotline.reporting.internal.reports;
