import type { RouteRecordRaw } from 'vue-router'

// The foundation's own screens; their paths are the menu paths the identity, organization and audit modules
// contribute to GET /api/auth/me.
const routes: RouteRecordRaw[] = [
  { path: 'home', component: () => import('./views/HomeView.vue'), meta: { title: '首页', anyUser: true } },
  { path: 'org/yellow-pages', component: () => import('./views/YellowPagesView.vue'), meta: { title: '部门黄页' } },
  { path: 'admin/accounts', component: () => import('./views/AccountsView.vue'), meta: { title: '账号管理' } },
  { path: 'admin/regions', component: () => import('./views/RegionsView.vue'), meta: { title: '区域管理' } },
  { path: 'admin/units', component: () => import('./views/UnitsView.vue'), meta: { title: '承办单位管理' } },
  { path: 'security/grants', component: () => import('./views/GrantsView.vue'), meta: { title: '角色授权' } },
  { path: 'security/roles', component: () => import('./views/RolesView.vue'), meta: { title: '角色权限' } },
  { path: 'security/policy', component: () => import('./views/PolicyView.vue'), meta: { title: '安全策略' } },
  { path: 'admin/recoveries', component: () => import('./views/RecoveriesView.vue'), meta: { title: '管理员账号恢复' } },
  { path: 'audit', component: () => import('./views/AuditView.vue'), meta: { title: '审计日志' } },
  { path: 'account/security', component: () => import('./views/AccountSecurityView.vue'), meta: { title: '账号安全', anyUser: true } },
]

export default routes
