import { http, toQuery } from '../../api/http'
import type { Kpi } from './api'

// 监管考核 (server: reporting/internal/assessment): KPI settings and exemptions, the versioned scoring schemes,
// the unit KPI report (004) and the operator assessment (000).

export interface KpiDefinition {
  code: string
  name: string
  source: string
  unit: 'PERCENT' | 'SECONDS'
  numerator: string
  denominator: string
  thresholdSeconds: number | null
  grades: string[]
  target: number | null
  higherIsBetter: boolean
  exemption: string | null
  seed: string | null
  exemptMonthAnswered: number | null
  version: number
}

export interface DeclaredExemption {
  id: number
  codes: string[]
  from: string
  to: string
  reason: string
  createdBy: string
  createdAt: string
}

export interface SchemeItem {
  code: string
  weight: number
  target: number
  pointsPerPp: number
  cap: number
}

export interface Scheme {
  kind: 'UNIT' | 'AGENT'
  version: number
  items: SchemeItem[]
  complaintWeight: number | null
  complaintPoints: number | null
  escalatedPoints: number | null
  praisePoints: number | null
  bannerPoints: number | null
  bonusCap: number | null
  changedBy: string
  changedAt: string
}

export interface ScoredItem {
  code: string
  name: string
  unit: 'PERCENT' | 'SECONDS'
  numerator: number | null
  denominator: number | null
  value: number | null
  target: number
  weight: number
  score: number
  numeratorText?: string
  denominatorText?: string
  shared?: boolean
}

export interface UnitRow {
  rank: number
  unitId: number
  unitName: string
  items: ScoredItem[]
  total: number
}

export interface UnitReport {
  from: string
  to: string
  org: number | null
  scheme: Scheme
  maxTotal: number
  units: UnitRow[]
}

export interface AgentRow {
  agentId: number
  name: string
  agentNo: string | null
  groupKey: string | null
  groupLabel: string
  items: ScoredItem[]
  complaints: number
  escalated: number
  complaintScore: number
  praises: number
  banners: number
  bonus: number
  total: number
  /** The team (班组) the agent was in for the longest part of the month. */
  teamId: number | null
  teamName: string | null
}

export interface Total {
  key: string
  label: string
  agents: number
  average: number | null
  min: number | null
  max: number | null
}

export interface AgentReport {
  month: string
  scheme: Scheme
  maxTotal: number
  agents: AgentRow[]
  groups: Total[]
  centre: Total | null
  teams: Total[]
}

export interface Adjustment {
  id: number
  agentId: number
  agentName: string
  month: string
  kind: AdjustmentKind
  kindName: string
  note: string
  source: string
  createdBy: string
  createdAt: string
}

export type AdjustmentKind = 'COMPLAINT' | 'COMPLAINT_ESCALATED' | 'PRAISE' | 'BANNER'

export const ADJUSTMENT_KINDS: Record<AdjustmentKind, string> = {
  COMPLAINT: '有理由投诉',
  COMPLAINT_ESCALATED: '领导或媒体投诉',
  PRAISE: '来电来信表扬',
  BANNER: '锦旗',
}

export interface UnitQuery {
  from: string
  to: string
  org?: number | null
  scheme?: number | null
}

export const assessmentApi = {
  definitions: () => http.get<KpiDefinition[]>('/api/reports/kpi-definitions'),
  updateDefinition: (code: string, body: Partial<KpiDefinition> & { version: number }) =>
    http.put<KpiDefinition>(`/api/reports/kpi-definitions/${encodeURIComponent(code)}`, body),
  exemptions: () => http.get<DeclaredExemption[]>('/api/reports/kpi-exemptions'),
  declare: (body: { from: string; to: string; codes: string[]; reason: string }) =>
    http.post<{ id: number }>('/api/reports/kpi-exemptions', body),
  revoke: (id: number) => http.delete<void>(`/api/reports/kpi-exemptions/${id}`),
  scheme: (kind: 'unit' | 'agent', version?: number | null) =>
    http.get<Scheme>(`/api/reports/schemes/${kind}` + toQuery({ version })),
  saveScheme: (kind: 'unit' | 'agent', body: Omit<Scheme, 'kind' | 'changedBy' | 'changedAt'>) =>
    http.put<Scheme>(`/api/reports/schemes/${kind}`, body),
  unitKpis: (q: UnitQuery) => http.get<UnitReport>('/api/reports/unit-kpis' + toQuery({ ...q })),
  exportUnitKpis: (q: UnitQuery) => http.download('/api/reports/unit-kpis/export' + toQuery({ ...q }), '成员单位KPI.xlsx'),
  agentAssessment: (month: string, team?: number | null) =>
    http.get<AgentReport>('/api/reports/agent-assessment' + toQuery({ month, team })),
  myAssessment: (month: string) => http.get<AgentReport>('/api/reports/agent-assessment/me' + toQuery({ month })),
  exportAgentAssessment: (month: string, team?: number | null) =>
    http.download('/api/reports/agent-assessment/export' + toQuery({ month, team }), '话务员考核.xlsx'),
  adjustments: (month: string) => http.get<Adjustment[]>('/api/reports/agent-adjustments' + toQuery({ month })),
  addAdjustment: (body: { agentId: number; month: string; kind: AdjustmentKind; note: string }) =>
    http.post<{ id: number }>('/api/reports/agent-adjustments', body),
  removeAdjustment: (id: number) => http.delete<void>(`/api/reports/agent-adjustments/${id}`),
}

/** A scored item as the records dialog wants a KPI (name and what numerator and denominator count). */
export function asKpi(i: ScoredItem): Kpi {
  return {
    code: i.code,
    name: i.name,
    unit: i.unit,
    numerator: i.numerator ?? 0,
    denominator: i.denominator ?? 0,
    value: i.value,
    target: i.target,
    met: null,
    higherIsBetter: true,
    numeratorText: i.numeratorText ?? '',
    denominatorText: i.denominatorText ?? '',
    thresholdSeconds: null,
    groups: [],
  }
}

/** '12.50' or '—'. */
export function points(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : Number(v).toFixed(2)
}

/** This month as YYYY-MM. */
export function thisMonth(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}
