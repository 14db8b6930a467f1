import type { RouteRecordRaw } from 'vue-router'

// 统计分析: paths are the menu paths ReportingMenu contributes (report:read; the big screen bigscreen:view).
const routes: RouteRecordRaw[] = [
  { path: 'reports/kpis', component: () => import('./views/KpiOverviewView.vue'), meta: { title: '指标总览', permission: 'report:read' } },
  { path: 'reports/bigscreen', component: () => import('./views/BigScreenView.vue'), meta: { title: '大屏', permission: 'bigscreen:view' } },
  { path: 'reports/cockpit', component: () => import('./views/CockpitView.vue'), meta: { title: '驾驶舱', permission: 'report:read' } },
  { path: 'reports/tables', component: () => import('./views/reports/ReportCatalogView.vue'), meta: { title: '报表', permission: 'report:read' } },
  { path: 'reports/tables/:code', component: () => import('./views/reports/ReportTableView.vue'), meta: { title: '报表', permission: 'report:read' } },
]

export default routes
