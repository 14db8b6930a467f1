import { http } from '../../api/http'

// 数据交换 (server: exchange/internal/admin/*Controller).

export interface Queue {
  counterpart: string
  name: string
  kind: string
  enabled: boolean
  outbox: Record<string, number>
  inbox: Record<string, number>
  oldestPending: string | null
  failures: number
  retryAt: string | null
  lastError: string | null
  lastSuccess: string | null
}

export interface Problem {
  direction: 'OUT' | 'IN'
  id: number
  counterpart: string
  messageId: string
  orderKey: string
  seq: number
  type: string
  state: string
  attempts: number
  lastError: string | null
  at: string
}

export interface Rejection {
  id: number
  counterpart: string | null
  status: number
  reason: string
  remoteAddress: string | null
  at: string
}

export interface Side {
  count: number
  byType: Record<string, number>
  byState: Record<string, number>
}

export interface Reconciliation {
  id: number
  counterpart: string
  day: string
  runAt: string
  ours: { sent: Side; received: Side }
  theirs: { sent: Side; received: Side } | null
  differences: { direction: string; messageId: string | null; problem: string }[]
  differenceCount: number
  error: string | null
}

export interface Counterpart {
  code: string
  name: string
  kind: string
  kindLabel: string
  baseUrl: string | null
  algorithm: string
  enabled: boolean
}

export interface CounterpartForm {
  name: string
  kind: string
  baseUrl: string
  secret: string
  algorithm: string
  enabled: boolean
}

export interface ReportedOrder {
  counterpart: string
  orderKey: string
  number: string | null
  title: string | null
  state: string
  lastStep: string
  lastSeq: number
  updatedAt: string
}

export const exchange = {
  queues: () => http.get<Queue[]>('/api/exchange/queues'),
  problems: (deadOnly: boolean) => http.get<Problem[]>(`/api/exchange/problems?deadOnly=${deadOnly}`),
  decide: (p: Problem, action: 'retry' | 'discard', reason: string) =>
    http.post(`/api/exchange/dead-letters/${p.direction}/${p.id}/${action}`, { reason }),
  rejections: () => http.get<Rejection[]>('/api/exchange/rejections'),
  reconciliations: () => http.get<Reconciliation[]>('/api/exchange/reconciliations'),
  reconcile: (counterpart: string, day: string) => http.post('/api/exchange/reconciliations', { counterpart, day }),
  counterparts: () => http.get<Counterpart[]>('/api/exchange/counterparts'),
  saveCounterpart: (code: string, form: CounterpartForm) => http.put<Counterpart>(`/api/exchange/counterparts/${encodeURIComponent(code)}`, form),
  reported: () => http.get<ReportedOrder[]>('/api/exchange/reported-orders'),
}
