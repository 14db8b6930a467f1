import type { RouteRecordRaw } from 'vue-router'

// 排班管理 screens; their paths are the menu entries RosterController contributes (workforce:manage for the manager's
// screens, call:monitor for the team leader's, call:agent for an agent's own shifts).
const routes: RouteRecordRaw[] = [
  { path: 'workforce/forecast', component: () => import('./views/ForecastView.vue'), meta: { title: '话务预测与人力测算', permission: 'workforce:manage' } },
  { path: 'workforce/rosters', component: () => import('./views/RostersView.vue'), meta: { title: '排班表', permission: 'workforce:manage' } },
  { path: 'workforce/requests', component: () => import('./views/RequestsView.vue'), meta: { title: '请假与换班审批', permission: 'call:monitor' } },
  { path: 'workforce/adherence', component: () => import('./views/AdherenceView.vue'), meta: { title: '现场管理', permission: 'call:monitor' } },
  { path: 'workforce/my', component: () => import('./views/MyShiftsView.vue'), meta: { title: '我的班表', permission: 'call:agent' } },
]

export default routes
