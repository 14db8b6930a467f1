import type { RouteRecordRaw } from 'vue-router'

// Work-order screens (工单). Paths match the menu entries contributed by the server (WorkOrderMenu, CalendarMenu).
const routes: RouteRecordRaw[] = [
  { path: '/workorders', component: () => import('./views/OrderSearchView.vue'), meta: { title: '工单查询' } },
  { path: '/workorders/intake', component: () => import('./views/IntakeView.vue'), meta: { title: '工单受理' } },
  { path: '/workorders/dispatch', component: () => import('./views/DispatchWorkbench.vue'), meta: { title: '派单工作台' } },
  { path: '/workorders/unit', component: () => import('./views/UnitPortal.vue'), meta: { title: '承办工作台' } },
  { path: '/workorders/callback', component: () => import('./views/CallbackWorkbench.vue'), meta: { title: '回访工作台' } },
  { path: '/workorders/supervise', component: () => import('./views/SupervisorBoard.vue'), meta: { title: '督办看板' } },
  { path: '/workorders/admin/categories', component: () => import('./admin/CategoriesView.vue'), meta: { title: '诉求分类' } },
  { path: '/workorders/admin/settings', component: () => import('./admin/SettingsView.vue'), meta: { title: '工单设置' } },
  { path: '/workorders/admin/time-limits', component: () => import('./admin/TimeLimitsView.vue'), meta: { title: '办理时限' } },
  { path: '/workorders/admin/calendar', component: () => import('./admin/CalendarView.vue'), meta: { title: '工作日历' } },
  { path: '/workorders/appeals', component: () => import('./views/AppealsView.vue'), meta: { title: '我的申诉', box: 'MINE' } },
  { path: '/workorders/appeals/review', component: () => import('./views/AppealsView.vue'), meta: { title: '申诉审核', box: 'REVIEW' } },
  { path: '/workorders/admin/review-rules', component: () => import('./admin/ReviewRulesView.vue'), meta: { title: '特殊单与申诉设置' } },
  { path: '/workorders/appeals/escalated', component: () => import('./views/AppealsView.vue'), meta: { title: '申诉决定', box: 'ESCALATED' } },
  { path: '/workorders/duplicates', component: () => import('./views/DuplicateGroupsView.vue'), meta: { title: '疑似重复工单' } },
  { path: '/workorders/admin/dispatch-catalogue', component: () => import('./admin/DispatchCatalogueView.vue'), meta: { title: '派单目录' } },
  { path: '/workorders/admin/auto-dispatch', component: () => import('./admin/AutoDispatchView.vue'), meta: { title: '自动派单' } },
  { path: '/workorders/:id(\\d+)', component: () => import('./views/OrderDetailView.vue'), meta: { title: '工单详情' } },
]

export default routes
