import type { RouteRecordRaw } from 'vue-router'

// SMS administration; the path is the menu path the notification module contributes.
const routes: RouteRecordRaw[] = [
  { path: 'admin/sms', component: () => import('./views/SmsAdminView.vue'), meta: { title: '短信管理' } },
]

export default routes
