// Appeals (工单申诉), special-order review (特殊单审核) and verification (工单核实): server org.openhotline.workorder.internal.{appeals,special,verification}.
import { http, type PageResult } from '../../api/http'
import type { StepResult } from './api'

const base = '/api/work-orders'

export interface AppealRow {
  id: number
  workOrderId: number
  number: string
  title: string
  assignmentId: number
  unitId: number
  unitName: string
  kind: string
  kindLabel: string
  kpiCode: string
  reason: string
  attachmentIds: number[]
  judgedAt: string
  windowEndsAt: string
  state: 'PENDING' | 'ESCALATED' | 'UPHELD' | 'REJECTED'
  stateLabel: string
  submittedName: string
  submittedAt: string
  reviewNote: string | null
  decisionNote: string | null
  /** The grade an upheld appeal gave the dissatisfied callback (改判); null: the order is only excluded. */
  regrade: string | null
  regradeLabel: string | null
  version: number
}

export interface SpecialView {
  special: boolean
  flags: { name: string; detail: string; flaggedAt: string }[]
  reviews: { gate: 'DISPATCH' | 'CLOSE'; approved: boolean; reason: string; byUser: string; byName: string; at: string }[]
}

export interface VerificationRow {
  id: number
  assignmentId: number
  unitName: string
  verifier: string
  verifiedAt: string
  means: string
  meansLabel: string
  note: string | null
  recordedName: string
  recordedAt: string
  attachments: { id: number; name: string; contentType: string }[]
}

export interface SpecialRule {
  id: number
  name: string
  kind: 'CONFIDENTIAL' | 'KEYWORDS' | 'REPEAT_CALLER'
  keywords: string | null
  threshold: number | null
  daysBack: number | null
  enabled: boolean
  version: number
}
export const ruleKinds: Record<string, string> = { CONFIDENTIAL: '保密件', KEYWORDS: '关键词', REPEAT_CALLER: '同一号码重复来电' }

export const appealKinds: Record<string, string> = {
  DISSATISFIED_CALLBACK: '不满意回访',
  MISDIRECTED: '非本单位职责导致超期',
  LATE_SIGN: '热线原因导致超时签收',
}
/** What an upheld appeal against a dissatisfied callback does: exclude it from 满意率, or change its result (改判). */
export const regradeOutcomes: Record<string, string> = {
  EXCLUDE: '剔除（不计入满意率）',
  SATISFIED: '改判为满意',
  BASICALLY_SATISFIED: '改判为基本满意',
}
export const verificationMeans: Record<string, string> = { ON_SITE: '现场核实', PHONE: '电话核实', DOCUMENTS: '材料核实' }

export const appeals = {
  list: (box: string, page = 1, size = 20, workOrderId?: number) =>
    http.get<PageResult<AppealRow>>(
      `${base}/appeals?${new URLSearchParams({ box, page: String(page), size: String(size), ...(workOrderId ? { workOrderId: String(workOrderId) } : {}) })}`,
    ),
  submit: (id: number, body: { assignmentId: number; kind: string; reason: string; attachmentIds: number[] }) =>
    http.post<{ id: number; state: string }>(`${base}/${id}/appeals`, body),
  review: (appealId: number, decision: 'UPHOLD' | 'REJECT' | 'ESCALATE', note: string, version: number, regrade?: string) =>
    http.post<{ state: string }>(`${base}/appeals/${appealId}/review`, { decision, note, version, regrade }),
  decide: (appealId: number, upheld: boolean, note: string, version: number, regrade?: string) =>
    http.post<{ state: string }>(`${base}/appeals/${appealId}/decision`, { upheld, note, version, regrade }),
  special: (id: number) => http.get<SpecialView>(`${base}/${id}/special`),
  specialReview: (id: number, gate: string, approved: boolean, reason: string, version: number) =>
    http.post<StepResult>(`${base}/${id}/special-review`, { gate, approved, reason, version }),
  rules: () => http.get<SpecialRule[]>(`${base}/special-rules`),
  createRule: (r: Omit<SpecialRule, 'id' | 'version'>) => http.post<{ id: number }>(`${base}/special-rules`, r),
  updateRule: (r: SpecialRule) => http.put<SpecialRule[]>(`${base}/special-rules/${r.id}`, r),
  deleteRule: (id: number) => http.delete<void>(`${base}/special-rules/${id}`),
  appealSettings: () => http.get<{ windowWorkingDays: number }>(`${base}/appeals/settings`),
  saveAppealSettings: (windowWorkingDays: number) => http.put<{ windowWorkingDays: number }>(`${base}/appeals/settings`, { windowWorkingDays }),
  verificationCategories: () => http.get<{ categoryIds: number[] }>(`${base}/verification-categories`),
  saveVerificationCategories: (categoryIds: number[]) =>
    http.put<{ categoryIds: number[] }>(`${base}/verification-categories`, { categoryIds }),
  verifications: (id: number) => http.get<VerificationRow[]>(`${base}/${id}/verifications`),
  verify: (id: number, aid: number, body: { verifier: string; verifiedAt: string; means: string; note: string; attachmentIds: number[] }) =>
    http.post<{ id: number }>(`${base}/${id}/assignments/${aid}/verifications`, body),
}
