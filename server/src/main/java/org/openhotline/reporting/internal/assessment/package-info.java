/**
 * Assessment (监管考核, issue 11): the manager's KPI settings (targets, thresholds, grades, the 004 month rule) and
 * declared exemptions, the versioned scoring schemes, the 成员单位 KPI report (004: 及时签收率, 及时退单率, 按时办结率,
 * 满意率 per unit, each value and score, ranked) and the operator assessment (000: each agent's month against the
 * scheme, 有理由投诉 deductions and 表扬/锦旗 bonuses). Every figure is a KPI of {@code kpis} computed with the same
 * formulas and scope as the KPI overview, so a unit's figure and its drill-down
 * ({@code /api/reports/kpis/{code}/records?org=<unit>}) agree. Every change publishes an {@link AssessmentChanged}
 * for the audit trail.
 */
package org.openhotline.reporting.internal.assessment;
