import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

// Each business module's screens live in src/modules/<module>/ with a routes.ts whose default export is a
// list of routes shown inside the main layout (menu paths come from GET /api/auth/me).
const moduleRoutes = Object.values(
  import.meta.glob<{ default: RouteRecordRaw[] }>('../modules/*/routes.ts', { eager: true }),
).flatMap((m) => m.default)

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: () => import('../views/LoginView.vue') },
    { path: '/', component: () => import('../views/LoginView.vue'), children: moduleRoutes },
  ],
})
