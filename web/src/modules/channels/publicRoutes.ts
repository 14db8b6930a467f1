import type { RouteRecordRaw } from 'vue-router'

// The citizen portal (市民门户): public pages outside the staff layout, no login (meta.citizen).
const routes: RouteRecordRaw[] = [
  {
    path: '/portal',
    component: () => import('./portal/PortalLayout.vue'),
    meta: { citizen: true, title: '市民门户' },
    children: [
      { path: '', component: () => import('./portal/PortalSubmit.vue'), meta: { citizen: true, title: '我要反映' } },
      { path: 'query', component: () => import('./portal/PortalQuery.vue'), meta: { citizen: true, title: '办理进度查询' } },
      {
        path: 'knowledge',
        component: () => import('./portal/PortalKnowledge.vue'),
        meta: { citizen: true, title: '政策知识' },
      },
      { path: 'cases', component: () => import('./portal/PortalCases.vue'), meta: { citizen: true, title: '典型案例' } },
      { path: 'chat', component: () => import('./portal/PortalChat.vue'), meta: { citizen: true, title: '在线客服' } },
    ],
  },
]

export default routes
