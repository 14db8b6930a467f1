/**
 * Periodic analysis reports (分析报告; seed 003: a monthly report within 8 working days, seed 004: daily, weekly,
 * monthly and yearly): a scheduler driven by the injected clock generates each kind's last completed period once,
 * with its publish-by day counted in working days by the business calendar; the figures are kept as a snapshot
 * (the KPIs by their own formulas, intake by channel, category and district, units by overdue assignments, rising
 * categories), the manager writes the commentary and publishes, and the .docx (Apache POI, charts drawn with Java2D)
 * is built from the snapshot — frozen when published. Regenerating on demand refreshes the snapshot, with progress.
 */
package org.openhotline.reporting.internal.periodic;
