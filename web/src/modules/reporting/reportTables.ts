import { http, toQuery } from '../../api/http'

// The report tables of the reporting module (server: reporting/internal/reports): a catalogue with each report's
// filters and columns, a report's rows and totals, its Excel export and the records behind one figure.

export type Granularity = 'day' | 'week' | 'month' | 'total'

export interface ReportColumn {
  key: string
  label: string
  kind: 'COUNT' | 'SUM' | 'SECONDS' | 'AVERAGE' | 'MAX' | 'PERCENT' | 'DISTINCT'
  unit: string
  help: string
  records: boolean
}

export interface ReportMeta {
  code: string
  name: string
  category: string
  description: string
  granularities: Granularity[]
  defaultGranularity: Granularity
  by: { key: string; label: string }[]
  filters: { name: string; label: string; options: { value: string; label: string }[] }[]
  columns: ReportColumn[]
  chart: { type: 'bar' | 'line'; series: string[] }
}

export type Figure = number | null

export interface ReportRow {
  keys: Record<string, string | null>
  labels: Record<string, string>
  values: Record<string, Figure>
}

export interface ReportTable {
  code: string
  name: string
  from: string
  to: string
  granularity: Granularity
  by: string | null
  keys: { key: string; label: string }[]
  columns: ReportColumn[]
  rows: ReportRow[]
  totals: Record<string, Figure>
  chart: { type: 'bar' | 'line'; series: string[] }
  note: string | null
}

export interface ReportRecords {
  items: Record<string, unknown>[]
  total: number
  page: number
  size: number
  sum: number | null
}

/** Period, organization, granularity, dimension and the report's own filters, as the query string carries them. */
export type ReportQuery = Record<string, string | number | null | undefined>

export const reportTablesApi = {
  catalogue: () => http.get<ReportMeta[]>('/api/reports/tables'),
  table: (code: string, q: ReportQuery) => http.get<ReportTable>(`/api/reports/tables/${encodeURIComponent(code)}` + toQuery(q)),
  records: (code: string, q: ReportQuery) =>
    http.get<ReportRecords>(`/api/reports/tables/${encodeURIComponent(code)}/records` + toQuery(q)),
  export: (code: string, q: ReportQuery, name: string) =>
    http.download(`/api/reports/tables/${encodeURIComponent(code)}/export` + toQuery(q), name + '.xlsx'),
}

/** A saved custom report template (定制报表模板): a report with picked columns, dimension, filters and relative period. */
export type TemplatePeriod = 'LAST_7_DAYS' | 'THIS_MONTH' | 'LAST_MONTH' | 'THIS_YEAR' | 'LAST_YEAR'

export interface ReportTemplate {
  id: number
  name: string
  reportCode: string
  reportName: string
  columns: string[]
  by: string | null
  granularity: Granularity
  period: TemplatePeriod
  periodLabel: string
  filters: Record<string, string>
  shared: boolean
  mine: boolean
  ownerName: string
  updatedAt: string
  version: number
}

export interface TemplateDraft {
  name: string
  reportCode: string
  columns: string[]
  by: string | null
  granularity: Granularity
  period: TemplatePeriod
  filters: Record<string, string>
  shared: boolean
  version?: number
}

export const templatesApi = {
  list: () => http.get<ReportTemplate[]>('/api/reports/templates'),
  create: (draft: TemplateDraft) => http.post<ReportTemplate>('/api/reports/templates', draft),
  update: (id: number, draft: TemplateDraft) => http.put<ReportTemplate>(`/api/reports/templates/${id}`, draft),
  remove: (t: ReportTemplate) => http.delete<void>(`/api/reports/templates/${t.id}?version=${t.version}`),
}

export const PERIOD_LABELS: Record<TemplatePeriod, string> = {
  LAST_7_DAYS: '近7天',
  THIS_MONTH: '本月',
  LAST_MONTH: '上月',
  THIS_YEAR: '本年',
  LAST_YEAR: '上年',
}

/** The dates [from, to] of a relative period on the day {@code today} (YYYY-MM-DD). */
export function periodRange(period: TemplatePeriod, today: string): [string, string] {
  const [y, m, d] = today.split('-').map(Number)
  const iso = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  switch (period) {
    case 'LAST_7_DAYS':
      return [iso(new Date(y, m - 1, d - 6)), today]
    case 'THIS_MONTH':
      return [iso(new Date(y, m - 1, 1)), today]
    case 'LAST_MONTH':
      return [iso(new Date(y, m - 2, 1)), iso(new Date(y, m - 1, 0))]
    case 'THIS_YEAR':
      return [`${y}-01-01`, today]
    case 'LAST_YEAR':
      return [`${y - 1}-01-01`, `${y - 1}-12-31`]
  }
}

export const GRANULARITY_LABELS: Record<Granularity, string> = { day: '按日', week: '按周', month: '按月', total: '合计' }

/** A figure as the table shows it: counts as they are, seconds with one decimal, percentages with two and '%'. */
export function formatFigure(column: ReportColumn, value: Figure | undefined): string {
  if (value === null || value === undefined) return '—'
  if (column.kind === 'PERCENT') return `${Number(value).toFixed(2)}%`
  if (column.unit === '秒') return Number(value).toFixed(1).replace(/\.0$/, '')
  return String(value)
}
