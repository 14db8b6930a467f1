import type { RouteRecordRaw } from 'vue-router'

// The operations console (运维管理); the paths are the menu paths the operations module contributes.
const routes: RouteRecordRaw[] = [
  { path: 'ops/health', component: () => import('./views/OpsHealthView.vue'), meta: { title: '运维监控' } },
  { path: 'ops/alarms', component: () => import('./views/OpsAlarmsView.vue'), meta: { title: '告警管理' } },
  { path: 'ops/backups', component: () => import('./views/OpsBackupsView.vue'), meta: { title: '备份与巡检' } },
]

export default routes
