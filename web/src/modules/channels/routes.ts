import type { RouteRecordRaw } from 'vue-router'

// Staff screens of the channels (渠道管理). Paths match the server's ChannelsMenu.
const routes: RouteRecordRaw[] = [
  { path: '/channels/typical-cases', component: () => import('./admin/TypicalCasesView.vue'), meta: { title: '典型案例' } },
  { path: '/channels/open311-keys', component: () => import('./admin/ApiKeysView.vue'), meta: { title: 'Open311 接口密钥' } },
  { path: '/channels/canned-replies', component: () => import('./admin/CannedRepliesView.vue'), meta: { title: '在线客服常用语' } },
]

export default routes
