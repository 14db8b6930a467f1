import type { RouteRecordRaw } from 'vue-router'

// 数据交换 (system administrator): the pipe to the provincial platform, 110 and 好差评 — queues, failures, dead
// letters, refusals, reconciliation, counterparts. The menu entry comes from ExchangeMenu (config:manage).
const routes: RouteRecordRaw[] = [
  { path: 'exchange', component: () => import('./views/ExchangeView.vue'), meta: { title: '数据交换', permission: 'config:manage' } },
]

export default routes
