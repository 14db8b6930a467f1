import type { RouteRecordRaw } from 'vue-router'

// The call center's screens; their paths are the menu paths CallRecordsController contributes to GET /api/auth/me
// (desk: call:agent; seat wall and call records: call:monitor; configuration: call:admin). The phone bar is not a
// route: the main layout renders components/PhoneBar.vue on every page for users with call:agent.
const routes: RouteRecordRaw[] = [
  { path: 'callcenter/desk', component: () => import('./views/DeskView.vue'), meta: { title: '坐席工作台', permission: 'call:agent' } },
  { path: 'callcenter/seat-wall', component: () => import('./views/SeatWallView.vue'), meta: { title: '坐席监控', permission: 'call:monitor' } },
  { path: 'callcenter/calls', component: () => import('./views/CallRecordsView.vue'), meta: { title: '通话记录' } },
  { path: 'callcenter/missed-calls', component: () => import('./views/MissedCallsView.vue'), meta: { title: '漏接回拨' } },
  { path: 'callcenter/admin', component: () => import('./views/AdminView.vue'), meta: { title: '呼叫中心配置', permission: 'call:admin' } },
  { path: 'callcenter/recordings', component: () => import('./views/RecordingDeletionsView.vue'), meta: { title: '录音删除审批', permission: 'recording:delete' } },
  { path: 'admin/teams', component: () => import('./views/TeamsAdminView.vue'), meta: { title: '班组管理', permission: 'org:manage' } },
  { path: 'admin/recording-retention', component: () => import('./views/RecordingRetentionView.vue'), meta: { title: '录音保留与清理', permission: 'config:manage' } },
]

export default routes
