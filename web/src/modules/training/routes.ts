import type { RouteRecordRaw } from 'vue-router'

// 培训考试 screens; menu entries come from QuestionController (training:manage for the manager's screen, every
// logged-in user for its own exams, notices and materials).
const routes: RouteRecordRaw[] = [
  { path: 'training/manage', component: () => import('./views/TrainingManageView.vue'), meta: { title: '培训考试管理', permission: 'training:manage' } },
  { path: 'training/my', component: () => import('./views/MyTrainingView.vue'), meta: { title: '我的培训与考试', anyUser: true } },
  { path: 'training/sittings/:id', component: () => import('./views/SittingView.vue'), meta: { title: '在线考试', anyUser: true } },
]

export default routes
