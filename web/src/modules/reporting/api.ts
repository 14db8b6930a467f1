import { http, toQuery, type PageResult } from '../../api/http'

// The KPI API of the reporting module (server: reporting/internal/api). Figures come as numbers; value is null
// when the denominator is 0; met is null when a KPI has no target.

export type GroupBy = 'day' | 'week' | 'month' | 'agent' | 'group' | 'unit' | 'region' | 'category' | 'channel' | 'team'

export interface KpiGroup {
  key: string | null
  label: string
  numerator: number
  denominator: number
  value: number | null
}

export interface Kpi {
  code: string
  name: string
  unit: 'PERCENT' | 'SECONDS'
  numerator: number
  denominator: number
  value: number | null
  target: number | null
  met: boolean | null
  higherIsBetter: boolean
  numeratorText: string
  denominatorText: string
  thresholdSeconds: number | null
  groups: KpiGroup[]
  /** periods left out of this figure (豁免): DECLARED by the manager or by the month RULE, each with its reason */
  exemptions?: KpiExemption[]
}

export interface KpiExemption {
  kind: 'DECLARED' | 'RULE'
  id: number | null
  from: string
  to: string
  label: string
  reason: string
}

export interface KpiReport {
  from: string
  to: string
  org: number | null
  groupBy: GroupBy | null
  kpis: Kpi[]
}

export interface KpiQuery {
  from?: string
  to?: string
  org?: number | null
  groupBy?: GroupBy | ''
  codes?: string
}

export const kpiApi = {
  kpis: (q: KpiQuery) => http.get<KpiReport>('/api/reports/kpis' + toQuery({ ...q })),
  records: (code: string, q: KpiQuery & { part: 'numerator' | 'denominator' | 'excluded'; group?: string | null; page: number; size: number }) =>
    http.get<PageResult<Record<string, unknown>> & { seconds?: number | null }>(`/api/reports/kpis/${encodeURIComponent(code)}/records` + toQuery({ ...q })),
  export: (q: KpiQuery) => http.download('/api/reports/kpis/export' + toQuery({ ...q }), '指标统计.xlsx'),
}

export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  day: '按日',
  week: '按周',
  month: '按月',
  agent: '按坐席',
  group: '按技能组',
  unit: '按承办单位',
  region: '按区县',
  category: '按诉求分类',
  channel: '按渠道',
  team: '按班组',
}

/** '95.5%' or '23.4 秒', '—' without a value. */
export function formatValue(unit: Kpi['unit'], value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return unit === 'PERCENT' ? `${Number(value).toFixed(2)}%` : `${Number(value).toFixed(1)} 秒`
}

/** A local date as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
