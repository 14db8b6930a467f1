/**
 * Reporting (统计分析): fact tables fed by the call-center and work-order events through the event publication
 * registry ({@code @ApplicationModuleListener}, idempotent, ADR 004), a rebuild that recomputes every fact from the
 * owners' read-only {@code rpt_source_*} views, KPI definitions as data ({@code rpt_kpi}) and the KPI API whose every
 * figure pages its own records. Owns the {@code rpt_*} tables. Depends on workorder and callcenter only for their
 * event records, on organization for node paths and names (data scope, group labels) and on identity for agents'
 * names, on calendar for working days (a periodic report's publish-by day); on knowledge only for its error-report events
 * (知识库更新及时率), and takes teams from the call center's {@code TeamChanged} (KPIs grouped and filtered by the team an agent was in
 * at the time, {@code rpt_team_membership}). Besides the KPIs: the big screen and the
 * leader's cockpit alarms ({@code internal.bigscreen}), hot topics ({@code internal.hottopics}) and the periodic
 * .docx analysis reports ({@code internal.periodic}). QC results come from quality's {@code InspectionScored} events
 * ({@code rpt_qc_fact}: 质检率 qc-coverage, and from work-order inspections 工单填写准确率 / 一次派单准确率), adherence from
 * workforce's {@code AgentDayClosed} ({@code rpt_adherence_fact}: 排班遵从度, 出勤符合度).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"workorder", "callcenter", "knowledge", "organization", "identity", "calendar", "shared", "quality",
                "channels", "workforce"})
package org.openhotline.reporting;
