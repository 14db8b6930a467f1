import type { RouteRecordRaw } from 'vue-router'

// Machine inspection (智能质检) screens; their paths are the menu entries MachineRulesController contributes.
const routes: RouteRecordRaw[] = [
  { path: 'quality/machine/flags', component: () => import('./views/MachineFlagsView.vue'), meta: { title: '机检标记', permission: 'qc:inspect' } },
  { path: 'quality/machine/rules', component: () => import('./views/MachineRulesView.vue'), meta: { title: '机检规则', permission: 'qc:inspect' } },
]

export default routes
