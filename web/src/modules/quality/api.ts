import { http, toQuery } from '../../api/http'

// The quality module's API (server: quality/internal/*): templates, plans, inspections, calibration, analysis.

export interface Deduction {
  label: string
  points: number
}

export interface TemplateItem {
  key: string | null
  group: string
  name: string
  points: number
  deductions: Deduction[]
  fatal: boolean
}

export interface Template {
  id: number
  name: string
  kind: 'CALL' | 'ORDER'
  enabled: boolean
  currentVersion: number
  currentVersionId: number
  totalPoints: number
  items: TemplateItem[]
  version: number
}

export interface TemplateVersion {
  id: number
  templateId: number
  name: string
  kind: string
  number: number
  items: TemplateItem[]
  totalPoints: number
}

export interface Plan {
  id: number
  name: string
  templateId: number
  month: string
  sharePercent: number
  strata: Record<string, number>
  longCallS: number
  inspectorIds: number[]
  dueDays: number
  seed: number | null
  state: 'DRAFT' | 'DRAWN'
  drawnAt: string | null
  drawnCount: number | null
  createdBy: string
  version: number
}

export interface Option {
  code: string
  label: string
}

export interface Inspector {
  id: number
  name: string
}

export interface AgentCoverage {
  agentId: number
  agentName: string | null
  agentNo: string | null
  answered: number
  sampled: number
  inspected: number
  percent: number
}

export type InspectionState = 'ASSIGNED' | 'DRAFT' | 'SUBMITTED' | 'CONFIRMED' | 'APPEALED' | 'REVIEWED'

export interface InspectionRow {
  id: number
  state: InspectionState
  callId: string | null
  orderId: number | null
  agentId: number
  agentName: string | null
  agentNo: string | null
  inspectorId: number
  inspectorName: string | null
  stratum: string | null
  dueAt: string | null
  score: number | null
  fatal: boolean
  submittedAt: string | null
  appealDueAt: string | null
  appealedAt: string | null
  planId: number | null
  calibrationId: number | null
  templateName: string
  version: number
}

export interface Answer {
  deduction: number | null
  fatal: boolean
  note: string | null
}

export interface Comment {
  at: number | null
  text: string
  by?: string | null
}

export interface Step {
  at: string
  actor: string
  action: string
  detail: string | null
}

export interface CallInfo {
  callId: string
  agentId: number
  agentNo: string | null
  caller: string | null
  arrivedAt: string
  answeredAt: string
  endedAt: string | null
  satisfaction: number | null
  transferred: boolean
  hasRecording: boolean
}

export interface CallOrder {
  id: number
  number: string
  callId: string
  appealType: string
  title: string
}

export interface Flag {
  callId: string
  rule: string
  label: string
  fromSecond: number
  toSecond: number
  severity: string
}

export interface InspectionDetail {
  inspection: InspectionRow
  template: TemplateVersion
  answers: Record<string, Answer>
  comments: Comment[]
  summary: string | null
  firstScore: number | null
  appealReason: string | null
  reviewReason: string | null
  steps: Step[]
  call: CallInfo | null
  order: CallOrder | null
  flags: Flag[]
  mayScore: boolean
  mayAppeal: boolean
  mayReview: boolean
  complaint: string | null
}

export interface ScoreForm {
  answers: Record<string, Answer>
  comments: Comment[]
  summary: string | null
  version: number
  complaint: string | null
}

export interface CalibrationSession {
  id: number
  title: string
  callId: string
  templateVersionId: number
  createdBy: string
  createdAt: string
  inspectors: number
  submitted: number
  referenceScore: number | null
  version: number
}

export interface ItemSpread {
  key: string
  group: string
  name: string
  deductions: number[]
  spread: number
  stdDev: number
  agreed: boolean
  reference: number | null
}

export interface CalibrationView {
  session: CalibrationSession
  sheets: { inspectionId: number; inspectorId: number; inspectorName: string | null; state: string; score: number | null }[]
  figures: {
    items: ItemSpread[]
    agreementPercent: number
    scores: number[]
    scoreSpread: number
    referenceScore: number | null
    deviations: number[]
  } | null
  blind: boolean
}

export interface AnalysisReport {
  from: string
  to: string
  by: string
  groups: { key: string; label: string; results: number; averageScore: number | null; fatal: number; appealed: number; changed: number }[]
  items: { key: string; name: string; group: string | null; lostCount: number; lostPoints: number; fatal: number }[]
}

const base = '/api/quality'

export const quality = {
  templates: () => http.get<Template[]>(`${base}/templates`),
  templateVersion: (id: number) => http.get<TemplateVersion>(`${base}/templates/versions/${id}`),
  createTemplate: (t: Partial<Template>) => http.post<Template>(`${base}/templates`, t),
  saveTemplate: (id: number, t: Partial<Template>) => http.put<Template>(`${base}/templates/${id}`, t),

  plans: () => http.get<Plan[]>(`${base}/plans`),
  strata: () => http.get<Option[]>(`${base}/plans/strata`),
  inspectors: () => http.get<Inspector[]>(`${base}/inspectors`),
  createPlan: (p: Record<string, unknown>) => http.post<Plan>(`${base}/plans`, p),
  draw: (p: Plan) => http.post<Plan>(`${base}/plans/${p.id}/draw`, { version: p.version }),
  coverage: (month: string) => http.get<AgentCoverage[]>(`${base}/coverage${toQuery({ month })}`),

  inspections: (scope: string, state?: string) => http.get<InspectionRow[]>(`${base}/inspections${toQuery({ scope, state })}`),
  inspection: (id: number) => http.get<InspectionDetail>(`${base}/inspections/${id}`),
  draft: (id: number, f: ScoreForm) => http.post<InspectionDetail>(`${base}/inspections/${id}/draft`, f),
  submit: (id: number, f: ScoreForm) => http.post<InspectionDetail>(`${base}/inspections/${id}/submit`, f),
  confirm: (id: number, version: number) => http.post<InspectionDetail>(`${base}/inspections/${id}/confirm`, { version }),
  appeal: (id: number, reason: string, version: number) =>
    http.post<InspectionDetail>(`${base}/inspections/${id}/appeal`, { reason, version }),
  review: (id: number, answers: Record<string, Answer>, reason: string, version: number, complaint?: string) =>
    http.post<InspectionDetail>(`${base}/inspections/${id}/review`, { answers, reason, version, complaint }),

  calibrations: () => http.get<CalibrationSession[]>(`${base}/calibrations`),
  calibration: (id: number) => http.get<CalibrationView>(`${base}/calibrations/${id}`),
  createCalibration: (f: Record<string, unknown>) => http.post<CalibrationSession>(`${base}/calibrations`, f),
  setReference: (id: number, answers: Record<string, Answer>, version: number) =>
    http.put<CalibrationView>(`${base}/calibrations/${id}/reference`, { answers, version }),

  analysis: (from: string, to: string, by: string) => http.get<AnalysisReport>(`${base}/analysis${toQuery({ from, to, by })}`),
  exportAnalysis: (from: string, to: string, by: string) =>
    http.download(`${base}/analysis/export${toQuery({ from, to, by })}`, '质检分析.xlsx'),

  recordingUrl: (callId: string) => `/api/callcenter/calls/${encodeURIComponent(callId)}/recording`,
}

export const STATE_LABELS: Record<InspectionState, string> = {
  ASSIGNED: '待质检',
  DRAFT: '草稿',
  SUBMITTED: '待确认',
  CONFIRMED: '已确认',
  APPEALED: '申诉中',
  REVIEWED: '已复核',
}

export const STEP_LABELS: Record<string, string> = {
  assigned: '分配任务',
  submitted: '提交质检结果',
  confirmed: '坐席确认',
  appealed: '坐席申诉',
  reviewed: '二次质检',
}

/** The running score, the same rule as the server's ScoreSheet: fatal → 0, otherwise total less deductions. */
export function runningScore(items: TemplateItem[], answers: Record<string, Answer>): { score: number; fatal: boolean; total: number } {
  let total = 0
  let lost = 0
  let fatal = false
  for (const item of items) {
    total += Number(item.points)
    const a = item.key ? answers[item.key] : undefined
    if (!a) continue
    if (a.fatal) fatal = true
    lost += Number(a.deduction ?? 0)
  }
  return { score: fatal ? 0 : Math.max(0, Math.round((total - lost) * 100) / 100), fatal, total }
}
