import { http, toQuery, type PageResult } from '../../api/http'

// 漏接回拨 (missed-call callbacks): server/src/main/java/org/openhotline/callcenter/internal/missed/*Controller.java.

const base = '/api/callcenter'

export type MissedStatus = 'OPEN' | 'CALLED_BACK' | 'GOT_THROUGH' | 'UNREACHABLE' | 'WRONG_NUMBER'
export type CallbackOutcome = 'REACHED' | 'NO_ANSWER' | 'BUSY' | 'WRONG_NUMBER'
export type MissedKind = 'unanswered' | 'abandoned' | 'voicemail'

export interface MissedTask {
  id: number
  number: string
  day: string
  status: MissedStatus
  statusLabel: string
  firstMissedAt: string
  lastMissedAt: string
  missedCount: number
  voicemailCallId: string | null
  claimedBy: number | null
  claimedByAgentNo: string | null
  mine: boolean
  failedTries: number
  maxTries: number
  attempts: number
  lastOutcome: CallbackOutcome | null
  lastOutcomeLabel: string
  version: number
}

export interface TimelineEntry {
  at: string
  kind: 'MISSED' | 'ATTEMPT' | 'CLOSED'
  text: string
  callId: string | null
  voicemail: boolean
}

export interface MissedCallRow {
  callId: string
  number: string
  missedAt: string
  point: string
  pointLabel: string
  groupName: string | null
  waitSeconds: number | null
  voicemail: boolean
  taskId: number
  status: MissedStatus
  statusLabel: string
  attempts: number
  lastOutcome: CallbackOutcome | null
  lastOutcomeLabel: string
  firstAttemptAt: string | null
  timeToCallbackSeconds: number | null
  closedAt: string | null
}

export interface MissedFigures {
  from: string
  to: string
  tasks: number
  open: number
  calledBack: number
  gotThrough: number
  unreachable: number
  wrongNumber: number
  callbackRate: number | null
  reachedRate: number | null
  avgTimeToCallbackSeconds: number | null
  avgTimeToCloseSeconds: number | null
  unansweredCalls: number
  abandonedCalls: number
  voicemails: number
}

export interface MissedCallQuery {
  kind: MissedKind
  from?: string
  to?: string
  number?: string
  status?: MissedStatus | ''
  sort?: string
  direction?: 'asc' | 'desc'
  page?: number
  size?: number
}

export const OUTCOMES: { value: CallbackOutcome; label: string }[] = [
  { value: 'REACHED', label: '已接通' },
  { value: 'NO_ANSWER', label: '无人接听' },
  { value: 'BUSY', label: '占线' },
  { value: 'WRONG_NUMBER', label: '号码错误' },
]

export const STATUSES: { value: MissedStatus; label: string }[] = [
  { value: 'OPEN', label: '待回拨' },
  { value: 'CALLED_BACK', label: '回拨接通' },
  { value: 'GOT_THROUGH', label: '来电已接通' },
  { value: 'UNREACHABLE', label: '多次未接通' },
  { value: 'WRONG_NUMBER', label: '号码错误' },
]

export const missedTasks = {
  list: (status: MissedStatus | 'ALL', mine: boolean, page: number, size: number) =>
    http.get<PageResult<MissedTask>>(`${base}/missed-tasks${toQuery({ status, mine, page, size })}`),
  timeline: (id: number) => http.get<TimelineEntry[]>(`${base}/missed-tasks/${id}/timeline`),
  claim: (id: number, version: number) => http.post(`${base}/missed-tasks/${id}/claim`, { version }),
  release: (id: number) => http.post(`${base}/missed-tasks/${id}/release`),
  call: (id: number) => http.post<{ callId: string }>(`${base}/missed-tasks/${id}/call`),
  tried: (id: number, outcome: CallbackOutcome, note: string) =>
    http.post(`${base}/missed-tasks/${id}/attempts`, { outcome, note }),
}

export const missedCalls = {
  list: (q: MissedCallQuery) => http.get<PageResult<MissedCallRow>>(`${base}/missed-calls${toQuery({ ...q })}`),
  figures: (from?: string, to?: string) => http.get<MissedFigures>(`${base}/missed-calls/figures${toQuery({ from, to })}`),
  export: (q: MissedCallQuery) => http.download(`${base}/missed-calls/export${toQuery({ ...q })}`, '漏接回拨.xlsx'),
  voicemailUrl: (callId: string) => `${base}/missed-calls/${encodeURIComponent(callId)}/voicemail`,
}
