import type { RouteRecordRaw } from 'vue-router'

// 质检: paths are the menu paths QualityMenu contributes (inspectors qc:inspect, the QC lead qc:lead, agents
// call:agent, team leaders call:monitor, managers report:read). The server checks each call again.
const routes: RouteRecordRaw[] = [
  { path: 'quality/tasks', component: () => import('./views/InspectionListView.vue'), meta: { title: '质检任务', scope: 'tasks' } },
  { path: 'quality/mine', component: () => import('./views/InspectionListView.vue'), meta: { title: '我的质检', scope: 'mine' } },
  { path: 'quality/team', component: () => import('./views/InspectionListView.vue'), meta: { title: '班组质检', scope: 'team' } },
  { path: 'quality/appeals', component: () => import('./views/InspectionListView.vue'), meta: { title: '申诉复核', scope: 'appeals' } },
  { path: 'quality/inspections/:id', component: () => import('./views/WorkbenchView.vue'), meta: { title: '质检工作台', anyUser: true } },
  { path: 'quality/templates', component: () => import('./views/TemplatesView.vue'), meta: { title: '质检模板', permission: 'qc:lead' } },
  { path: 'quality/plans', component: () => import('./views/PlansView.vue'), meta: { title: '抽检计划', permission: 'qc:lead' } },
  { path: 'quality/calibrations', component: () => import('./views/CalibrationsView.vue'), meta: { title: '质检校准' } },
  { path: 'quality/analysis', component: () => import('./views/AnalysisView.vue'), meta: { title: '质检分析' } },
]

export default routes
