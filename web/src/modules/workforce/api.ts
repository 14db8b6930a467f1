import { http, toQuery } from '../../api/http'

// 排班管理 (server: workforce/internal/{staffing,forecast,roster,adherence}).

export interface Staffing {
  agents: number
  scheduledAgents: number
  serviceLevel: number
  occupancy: number
  averageWait: number
  probabilityOfWaiting: number
  abandonRate: number | null
  model: string
}

export interface DayPlan {
  date: string
  kind: string
  calls: number[]
  aht: number[]
  agents: number[]
  scheduled: number[]
}

export interface Accuracy {
  holdoutDays: number
  dailyMape: number
  halfHourWape: number
  baselineDailyMape: number
  baselineHalfHourWape: number
  days: { date: string; actual: number; forecast: number; baseline: number }[]
}

export interface ForecastEvent {
  id: number
  name: string
  firstDay: string
  lastDay: string
  fromSlot: number
  toSlot: number
  factor: number
}

export interface ShiftTemplate {
  code: string
  name: string
  startMinute: number
  minutes: number
  night: boolean
}

export interface RosterSummary {
  id: number
  month: string
  status: string
  score: string | null
  solveMillis: number | null
  version: number
}

export interface Violation {
  accountId: number
  agentName: string
  day: string | null
  rule: string
}

export interface RosterView {
  id: number
  month: string
  status: string
  score: string | null
  solveMillis: number | null
  version: number
  templates: ShiftTemplate[]
  agents: { accountId: number; name: string; agentNo: string | null; skills: string; shifts: (string | null)[]; minutes: number }[]
  needs: number[][]
  staffed: number[][]
  gaps: number[][]
  gapTotal: number
  violations: Violation[]
}

export interface WfRequest {
  id: number
  kind: string
  accountId: number
  partnerId: number | null
  rosterId: number | null
  firstDay: string
  lastDay: string
  reason: string | null
  status: string
  note: string | null
}

export interface Deviation {
  kind: string
  label: string
  at: string
  minutes: number
}

export interface AgentDay {
  accountId: number
  name: string
  agentNo: string | null
  shift: string | null
  shiftStart: string | null
  shiftEnd: string | null
  scheduled: number[]
  onPhones: number[]
  signedIn: number[]
  adherence: number
  conformance: number
  state: string | null
  exceptions: Deviation[]
}

export interface AdherenceDay {
  date: string
  now: string
  adherence: number
  conformance: number
  agentsScheduled: number
  agents: AgentDay[]
}

export interface MyShift {
  day: string
  code: string
  name: string
  start: string
  end: string
  night: boolean
}

export interface RosterJob {
  id: number
  month: string
  status: 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED'
  startedAt: string
  elapsedMillis: number
  limitMillis: number
  bestScore: string | null
  rosterId: number | null
  error: string | null
}

export interface PlannedBreak {
  label: string
  start: string
  end: string
}

export interface MyDay {
  now: string
  current: MyShift | null
  breaks: PlannedBreak[]
  nextBreak: PlannedBreak | null
  next: MyShift | null
}

export const workforce = {
  staffing: (q: Record<string, unknown>) => http.get<Staffing>(`/api/workforce/staffing${toQuery(q)}`),
  forecast: (first: string | undefined, days: number) => http.get<DayPlan[]>(`/api/workforce/forecast${toQuery({ first, days })}`),
  accuracy: () => http.get<Accuracy>('/api/workforce/forecast/accuracy'),
  events: () => http.get<ForecastEvent[]>('/api/workforce/forecast/events'),
  addEvent: (e: Omit<ForecastEvent, 'id'>) => http.post<{ id: number }>('/api/workforce/forecast/events', e),
  removeEvent: (id: number) => http.delete<void>(`/api/workforce/forecast/events/${id}`),
  rosters: () => http.get<RosterSummary[]>('/api/workforce/rosters'),
  generate: (month: string) => http.post<{ id: number }>('/api/workforce/rosters', { month }),
  startJob: (month: string) => http.post<RosterJob>('/api/workforce/roster-jobs', { month }),
  job: (id: number) => http.get<RosterJob>(`/api/workforce/roster-jobs/${id}`),
  cancelJob: (id: number) => http.post<RosterJob>(`/api/workforce/roster-jobs/${id}/cancel`, {}),
  myDay: () => http.get<MyDay>('/api/workforce/my-day'),
  roster: (id: number) => http.get<RosterView>(`/api/workforce/rosters/${id}`),
  edit: (id: number, accountId: number, day: string, shiftCode: string | null, version: number) =>
    http.put<RosterView>(`/api/workforce/rosters/${id}/cells`, { accountId, day, shiftCode, version }),
  publish: (id: number, version: number) => http.post<RosterView>(`/api/workforce/rosters/${id}/publish`, { version }),
  requests: (status?: string) => http.get<WfRequest[]>(`/api/workforce/requests${toQuery({ status })}`),
  myRequests: () => http.get<WfRequest[]>('/api/workforce/requests/mine'),
  ask: (r: { kind: string; firstDay: string; lastDay?: string; reason?: string; partnerId?: number; rosterId?: number }) =>
    http.post<{ id: number }>('/api/workforce/requests', r),
  decide: (id: number, approve: boolean, note?: string) => http.post<void>(`/api/workforce/requests/${id}/decision`, { approve, note }),
  adherence: (day?: string) => http.get<AdherenceDay>(`/api/workforce/adherence${toQuery({ day })}`),
  myShifts: () => http.get<MyShift[]>('/api/workforce/my-shifts'),
}

export const KIND_LABEL: Record<string, string> = {
  MONDAY: '周一', TUESDAY: '周二', WEDNESDAY: '周三', THURSDAY: '周四', FRIDAY: '周五', SATURDAY: '周六', SUNDAY: '周日',
  HOLIDAY: '节假日', MAKE_UP_DAY: '调休上班',
}

export const REQUEST_LABEL: Record<string, string> = { LEAVE: '请假', WISH_OFF: '期望休息', SWAP: '换班' }
export const STATUS_LABEL: Record<string, string> = {
  PENDING: '待审批', APPROVED: '已批准', REJECTED: '已驳回', DRAFT: '草稿', PUBLISHED: '已发布', SUPERSEDED: '已取代',
}

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`
}

export function slotLabel(s: number): string {
  return `${String(Math.floor(s / 2)).padStart(2, '0')}:${s % 2 ? '30' : '00'}`
}
