import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { setUnauthenticatedHandler } from '../api/http'
import { useSession } from '../stores/session'

// Each business module's screens live in src/modules/<module>/ with a routes.ts whose default export is a
// list of routes shown inside the main layout (menu paths come from GET /api/auth/me).
//
// Who may open a route (stores/session.ts canVisit): a path of the user's menu or below it; or a route with
// `meta.permission` the user holds; or `meta.anyUser: true`. Anything else shows the 403 page. Set
// `meta.title` for the browser tab and the header.
const moduleRoutes = Object.values(
  import.meta.glob<{ default: RouteRecordRaw[] }>('../modules/*/routes.ts', { eager: true }),
).flatMap((m) => m.default)
// Public page sets outside the staff layout and login (the citizen portal): src/modules/<module>/publicRoutes.ts.
const publicRoutes = Object.values(
  import.meta.glob<{ default: RouteRecordRaw[] }>('../modules/*/publicRoutes.ts', { eager: true }),
).flatMap((m) => m.default)

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** No login needed (the login page). */
    public?: boolean
    /** A citizens' page: no staff session is looked up at all. */
    citizen?: boolean
    /** Any logged-in user may open it, whatever the menu says. */
    anyUser?: boolean
    /** A permission that opens this route even when its path is not in the menu. */
    permission?: string
  }
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: () => import('../views/LoginView.vue'), meta: { public: true, title: '登录' } },
    ...publicRoutes,
    {
      path: '/',
      component: () => import('../layout/MainLayout.vue'),
      redirect: '/home',
      children: [
        ...moduleRoutes,
        { path: '403', component: () => import('../views/ForbiddenView.vue'), meta: { anyUser: true, title: '无权访问' } },
        {
          path: ':missing(.*)*',
          component: () => import('../views/NotFoundView.vue'),
          meta: { anyUser: true, title: '页面不存在' },
        },
      ],
    },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.citizen) return true
  const session = useSession()
  if (!session.loaded) await session.load()
  if (to.meta.public) {
    return to.path === '/login' && session.loggedIn ? session.landing : true
  }
  if (!session.loggedIn) {
    return { path: '/login', query: to.fullPath === '/' || to.fullPath === '/home' ? {} : { redirect: to.fullPath } }
  }
  // The bare address (http://host/) opens the user's own start screen: an agent's desk.
  if (to.redirectedFrom?.path === '/' && to.path === '/home' && session.landing !== '/home') {
    return session.landing
  }
  if (!session.canVisit(to)) {
    return { path: '/403', query: { from: to.fullPath } }
  }
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title ? to.meta.title + ' - ' : ''}12345政务服务便民热线`
})

// A session that ended on the server (idle timeout, 强制下线, new roles) sends the user back to the login page.
setUnauthenticatedHandler(() => {
  const session = useSession()
  const wasLoggedIn = session.loggedIn
  session.forget()
  const current = router.currentRoute.value
  // Not logged in at all (the first GET /api/auth/me of a visit): the route guard sends to the login page.
  if (wasLoggedIn && !current.meta.public) {
    router.replace({ path: '/login', query: { redirect: current.fullPath, expired: '1' } })
  }
})
