import type { RouteRecordRaw } from 'vue-router'

// 统计分析: paths are the menu paths ReportingMenu contributes (report:read; the big screen bigscreen:view).
const routes: RouteRecordRaw[] = [
  { path: 'reports/kpis', component: () => import('./views/KpiOverviewView.vue'), meta: { title: '指标总览', permission: 'report:read' } },
  { path: 'reports/bigscreen', component: () => import('./views/BigScreenView.vue'), meta: { title: '大屏', permission: 'bigscreen:view' } },
  { path: 'reports/cockpit', component: () => import('./views/CockpitView.vue'), meta: { title: '驾驶舱', permission: 'report:read' } },
  { path: 'reports/hot-topics', component: () => import('./views/HotTopicsView.vue'), meta: { title: '热点诉求', permission: 'report:read' } },
  { path: 'reports/periodic', component: () => import('./views/PeriodicReportsView.vue'), meta: { title: '分析报告', permission: 'bigscreen:view' } },
]

export default routes
