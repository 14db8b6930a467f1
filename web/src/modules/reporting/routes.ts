import type { RouteRecordRaw } from 'vue-router'

// 统计分析: paths are the menu paths ReportingMenu contributes (report:read; the big screen bigscreen:view).
const routes: RouteRecordRaw[] = [
  { path: 'reports/kpis', component: () => import('./views/KpiOverviewView.vue'), meta: { title: '指标总览', permission: 'report:read' } },
  { path: 'reports/bigscreen', component: () => import('./views/BigScreenView.vue'), meta: { title: '大屏', permission: 'bigscreen:view' } },
  { path: 'reports/cockpit', component: () => import('./views/CockpitView.vue'), meta: { title: '驾驶舱', permission: 'report:read' } },
  // 监管考核 (AssessmentMenu)
  { path: 'reports/unit-kpis', component: () => import('./views/UnitKpiView.vue'), meta: { title: '成员单位考核', permission: 'report:read' } },
  { path: 'reports/agent-assessment', component: () => import('./views/AgentAssessmentView.vue'), meta: { title: '话务员考核', permission: 'report:read' } },
  { path: 'reports/kpi-settings', component: () => import('./views/KpiSettingsView.vue'), meta: { title: '指标与考核配置', permission: 'business:config' } },
  { path: 'reports/my-assessment', component: () => import('./views/MyAssessmentView.vue'), meta: { title: '我的考核', permission: 'call:agent' } },
  { path: 'reports/tables', component: () => import('./views/reports/ReportCatalogView.vue'), meta: { title: '报表', permission: 'report:read' } },
  { path: 'reports/tables/:code', component: () => import('./views/reports/ReportTableView.vue'), meta: { title: '报表', permission: 'report:read' } },
  { path: 'reports/hot-topics', component: () => import('./views/HotTopicsView.vue'), meta: { title: '热点诉求', permission: 'report:read' } },
  { path: 'reports/periodic', component: () => import('./views/PeriodicReportsView.vue'), meta: { title: '分析报告', permission: 'bigscreen:view' } },
]

export default routes
