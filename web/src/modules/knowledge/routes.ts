import type { RouteRecordRaw } from 'vue-router'

// Knowledge base screens (知识库), shown inside the main layout.
const routes: RouteRecordRaw[] = [
  { path: '/knowledge', component: () => import('./KnowledgePortal.vue'), meta: { title: '知识门户' } },
  { path: '/knowledge/articles/:id', component: () => import('./ArticleView.vue'), meta: { title: '知识详情' } },
  { path: '/knowledge/assistant', component: () => import('./AssistantView.vue'), meta: { title: '智能问答助手' } },
  { path: '/knowledge/mine', component: () => import('./MyKnowledge.vue'), meta: { title: '我的知识' } },
  { path: '/knowledge/questions', component: () => import('./QuestionsView.vue'), meta: { title: '知识提问' } },
  {
    path: '/knowledge/inbox',
    component: () => import('./QuestionsView.vue'),
    props: { box: 'inbox' },
    meta: { title: '知识提问待答' },
  },
  { path: '/knowledge/editor', component: () => import('./KnowledgeEditor.vue'), meta: { title: '知识采编' } },
  {
    path: '/knowledge/own',
    component: () => import('./KnowledgeEditor.vue'),
    props: { own: true },
    meta: { title: '本单位知识库' },
  },
  { path: '/knowledge/review', component: () => import('./ReviewQueue.vue'), meta: { title: '知识审核' } },
  { path: '/knowledge/misses', component: () => import('./MissesView.vue'), meta: { title: '查无信息处理' } },
  { path: '/knowledge/admin/categories', component: () => import('./CategoryAdmin.vue'), meta: { title: '栏目管理' } },
  { path: '/knowledge/admin/synonyms', component: () => import('./SynonymAdmin.vue'), meta: { title: '同义词管理' } },
  { path: '/knowledge/my-error-reports', component: () => import('./MyErrorReports.vue'), meta: { title: '我的纠错' } },
  { path: '/knowledge/error-reports', component: () => import('./ErrorReportQueue.vue'), meta: { title: '知识纠错处理' } },
]

export default routes
