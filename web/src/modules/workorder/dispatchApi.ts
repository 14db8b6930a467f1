// Types and calls of smart dispatch (智能派单) and the dispatch catalogue (派单目录);
// server: org.openhotline.workorder.internal.dispatch.{suggest,catalogue}.
import { http } from '../../api/http'

export interface SuggestRequest {
  title: string
  content: string
  address: string
  regionId?: number | null
  categoryId?: number | null
  appealType?: string | null
}
export interface CategoryGuess { id: number; name: string; score: number; source: string }
export interface RegionGuess { id: number; name: string; kind: string; path: string; matched: string; places: string[]; source: string }
export interface SimilarOrder { id: number; number: string; title: string }
export interface Suggestion {
  unitId: number
  unitName: string
  score: number
  source: 'RULE' | 'MODEL'
  ruleId: number | null
  catalogueVersion: number | null
  reasons: string[]
  similarOrders: SimilarOrder[]
  assistingUnitIds: number[]
  note: string | null
  /** the calibrated chance that the model's first choice is right (the first model suggestion only) */
  confidence: number | null
}
export interface SuggestResult { category: CategoryGuess | null; region: RegionGuess | null; suggestions: Suggestion[] }

/** What a dispatch followed, as POST …/dispatch and the intake's finish accept it. */
export interface DispatchBasis { kind: 'RULE' | 'SUGGESTION' | 'AUTO' | 'MANUAL'; ruleId: number | null; catalogueVersion: number | null; rank: number | null; score: number | null }

/** The basis of the n-th suggestion (rank from 1): a rule hit names the rule and the catalogue version. */
export function basisOf(s: Suggestion, rank: number): DispatchBasis {
  const score = Math.max(0, Math.min(1, s.score))
  return s.source === 'RULE'
    ? { kind: 'RULE', ruleId: s.ruleId, catalogueVersion: s.catalogueVersion, rank, score }
    : { kind: 'SUGGESTION', ruleId: null, catalogueVersion: null, rank, score }
}

export interface DispatchRule {
  id: number
  position: number
  name: string
  categoryId: number | null
  categoryPath: string | null
  regionId: number | null
  regionPath: string | null
  appealType: string | null
  keywords: string[]
  mainUnitId: number
  local: boolean
  assistingUnitIds: number[]
  note: string | null
  enabled: boolean
  version: number
}
export interface RuleForm {
  name: string
  categoryId: number | null
  regionId: number | null
  appealType: string | null
  keywords: string[]
  mainUnitId: number | null
  local: boolean
  assistingUnitIds: number[]
  note: string
  enabled: boolean
  version?: number
}
export interface Disagreement { id: number; number: string; title: string; finalUnit: string; ruleUnit: string }
export interface TrialResult { days: number; scanned: number; matched: number; agreed: number; agreement: number; disagreements: Disagreement[] }
export interface Release { version: number; rules: DispatchRule[]; publishedAt: string | null; publishedBy: string | null; note: string | null }
export interface ModelStats {
  examples: number
  negatives: number
  trainedAt: string | null
  trainMillis: number
  recentOrders: number
  recentTop1: number
  recentTop3: number
  /** what dispatching automatically above a score would have done on the recent orders */
  byConfidence: { threshold: number; orders: number; share: number; top1: number }[]
}

/** 自动派单: thresholds (global, per category; null = off), the validation curve and the live accuracy. */
export interface CategoryThreshold { categoryId: number; categoryName: string; threshold: number | null; updatedBy: string; updatedAt: string }
export interface AutoSettings { globalThreshold: number | null; version: number; categories: CategoryThreshold[] }
export interface CurvePoint { threshold: number; orders: number; share: number; top1: number }
export interface AutoOverview {
  settings: AutoSettings
  validationOrders: number
  curve: CurvePoint[]
  accuracy: { days: number; dispatched: number; misdirected: number; accuracy: number }
}
export interface OrderAuto {
  auto: boolean
  dispatch: { basisId: number; unitId: number; unitName: string; confidence: number; at: string; undoneAt: string | null; undoneBy: string | null } | null
}
const auto = '/api/dispatch-auto'
export const autoDispatch = {
  overview: () => http.get<AutoOverview>(auto),
  setGlobal: (threshold: number | null, version: number) => http.put<AutoOverview>(`${auto}/global`, { threshold, version }),
  setCategory: (categoryId: number, threshold: number | null) => http.put<AutoOverview>(`${auto}/categories/${categoryId}`, { threshold }),
  removeCategory: (categoryId: number) => http.delete<AutoOverview>(`${auto}/categories/${categoryId}`),
  ofOrder: (id: number) => http.get<OrderAuto>(`/api/work-orders/${id}/auto-dispatch`),
  undo: (id: number, version: number, note: string) => http.post<unknown>(`/api/work-orders/${id}/undo-auto-dispatch`, { version, note }),
}

const cat = '/api/dispatch-catalogue'
export const dispatching = {
  // quiet: the panel shows a failure inline; a typing agent gets no toasts
  suggest: (r: SuggestRequest) => http.post<SuggestResult>('/api/work-orders/dispatch-suggestions', r, { quiet: true }),
  model: () => http.get<ModelStats>('/api/work-orders/dispatch-model'),
  rules: () => http.get<DispatchRule[]>(`${cat}/rules`),
  create: (f: RuleForm) => http.post<DispatchRule>(`${cat}/rules`, f),
  update: (id: number, f: RuleForm) => http.put<DispatchRule>(`${cat}/rules/${id}`, f),
  remove: (r: DispatchRule) => http.delete<void>(`${cat}/rules/${r.id}?version=${r.version}`),
  move: (r: DispatchRule, position: number) => http.post<DispatchRule[]>(`${cat}/rules/${r.id}/move`, { position, version: r.version }),
  trial: (f: RuleForm, days = 90) => http.post<TrialResult>(`${cat}/trial?days=${days}`, f),
  publish: (note: string) => http.post<Release>(`${cat}/publish`, { note }),
  current: () => http.get<Release>(`${cat}/current`),
}
