import { http, toQuery } from '../../api/http'
import type { AgentState } from '../callcenter/api'

// The big screen, the cockpit alarms, hot topics and periodic reports (server: reporting/internal/{bigscreen,
// hottopics,periodic}).

export interface District {
  id: number
  code: string
  name: string
  orders: number
}

export interface TopCategory {
  key: string
  label: string
  today: number
  score: number
  rising: boolean
}

export interface OverdueRow {
  orderId: number
  number: string
  unit: string
  dueAt: string
  hoursOver: number
}

export interface UnitRank {
  unitId: number
  unit: string
  value: number
  numerator: number
  denominator: number
}

export interface Figures {
  inIvr: number
  queued: number
  talking: number
  agentsByState: Partial<Record<AgentState, number>>
  callsToday: number
  answerRate: number | null
  answerRate20s: number | null
  ordersToday: number
  ordersByChannel: Record<string, number>
  at: string
  ordersByDistrict: District[]
  topCategories: TopCategory[]
  overdue: number
  longestOverdue: OverdueRow[]
  trend: { days: string[]; calls: number[]; orders: number[] }
  unitRanking: UnitRank[]
}

export interface GeoFeature {
  type: 'Feature'
  properties: { id?: number; code: string; name: string; cp?: [number, number] }
  geometry: unknown
}

export interface GeoJson {
  type: 'FeatureCollection'
  features: GeoFeature[]
}

export interface Alarm {
  kind: 'BELOW_TARGET' | 'OVERDUE_SPIKE'
  code: string
  level: 'WARNING' | 'CRITICAL'
  text: string
}

export interface CockpitAlarms {
  day: string
  alarms: Alarm[]
  overdue: { today: number; dailyMean7: number; openNow: number }
}

export interface RiseScore {
  today: number
  previous: number[]
  mean: number
  sd: number
  score: number
  rising: boolean
}

export interface Topic {
  key: string
  label: string
  rise: RiseScore
}

export interface HotTopicsReport {
  day: string
  comparedWith: string[]
  categories: Topic[]
  words: Topic[]
}

export interface TopicOrder {
  orderId: number
  number: string
  title: string
  channel: string
  category: string | null
  createdAt: string
}

export type PeriodKind = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY'

export interface PeriodicReport {
  id: number
  kind: PeriodKind
  kindLabel: string
  title: string
  from: string
  to: string
  dueOn: string
  state: 'GENERATING' | 'DRAFT' | 'PUBLISHED' | 'FAILED'
  progress: number
  commentary: string | null
  error: string | null
  generatedAt: string | null
  publishedAt: string | null
  publishedBy: string | null
  version: number
}

export const screenApi = {
  figures: () => http.get<Figures>('/api/reports/bigscreen'),
  map: () => http.get<GeoJson>('/api/reports/bigscreen/map'),
  alarms: (org?: number | null) => http.get<CockpitAlarms>('/api/reports/cockpit/alarms' + toQuery({ org })),
  hotTopics: (day?: string, org?: number | null) => http.get<HotTopicsReport>('/api/reports/hot-topics' + toQuery({ day, org })),
  topicOrders: (q: { day: string; org?: number | null; category?: string; word?: string }) =>
    http.get<TopicOrder[]>('/api/reports/hot-topics/orders' + toQuery({ ...q })),
  periodic: () => http.get<PeriodicReport[]>('/api/reports/periodic'),
  periodicOne: (id: number) => http.get<PeriodicReport>(`/api/reports/periodic/${id}`),
  generate: (kind: PeriodKind, day: string) => http.post<PeriodicReport>('/api/reports/periodic', { kind, day }),
  regenerate: (id: number) => http.post<PeriodicReport>(`/api/reports/periodic/${id}/regenerate`),
  comment: (id: number, commentary: string, version: number) =>
    http.put<PeriodicReport>(`/api/reports/periodic/${id}/commentary`, { commentary, version }),
  publish: (id: number, version: number) => http.post<PeriodicReport>(`/api/reports/periodic/${id}/publish`, { version }),
  download: (r: PeriodicReport) => http.download(`/api/reports/periodic/${r.id}/document`, `12345热线${r.title}.docx`),
}

export const PERIOD_LABELS: Record<PeriodKind, string> = { DAILY: '日报', WEEKLY: '周报', MONTHLY: '月报', YEARLY: '年报' }
export const REPORT_STATES: Record<PeriodicReport['state'], string> = {
  GENERATING: '生成中',
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  FAILED: '生成失败',
}
