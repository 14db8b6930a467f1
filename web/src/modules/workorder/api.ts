// Types and calls of the work-order API (server: org.openhotline.workorder, org.openhotline.calendar).
import { http, type PageResult } from '../../api/http'

export type Light = 'GREEN' | 'YELLOW' | 'RED'

export interface OrderRow {
  id: number
  number: string
  title: string
  state: string
  stateLabel: string
  light: Light
  appealType: string
  appealTypeLabel: string
  urgency: string
  urgencyLabel: string
  channel: string
  channelLabel: string
  categoryName: string | null
  address: string | null
  callerName: string | null
  callerPhone: string | null
  confidential: boolean
  createdAt: string
  mainUnitName: string | null
  dueAt: string | null
  urgeCount: number
  supervised: boolean
  difficult: boolean
  followed: boolean
  version: number
}

export interface AssignmentView {
  id: number
  unitId: number
  unitName: string
  role: string
  roleLabel: string
  parentId: number | null
  state: string
  stateLabel: string
  instruction: string | null
  assignedAt: string
  signDueAt: string
  handleDueAt: string
  signedAt: string | null
  repliedAt: string | null
  reply: string | null
  citedArticleIds: number[]
  signLight: Light
  handleLight: Light
  light: Light
  extensions: number
  mine: boolean
}

export interface RequestView {
  id: number
  assignmentId: number
  unitName: string
  kind: 'RETURN' | 'EXTENSION'
  reason: string
  amount: number | null
  unit: string | null
  state: string
  requestedBy: string
  requestedAt: string
  decidedBy: string | null
  decisionNote: string | null
}

export interface TimelineEntry {
  id: number
  at: string
  actor: string
  actorName: string | null
  action: string
  note: string | null
}

export interface OrderDetail {
  id: number
  number: string
  state: string
  stateLabel: string
  light: Light
  channelLabel: string
  appealType: string
  appealTypeLabel: string
  urgency: string
  urgencyLabel: string
  categoryName: string | null
  regionName: string | null
  address: string | null
  title: string
  content: string
  callerName: string | null
  callerPhone: string | null
  anonymous: boolean
  confidential: boolean
  callId: string | null
  createdBy: string
  createdAt: string
  stageDueAt: string | null
  directReply: string | null
  forwardedTo: string | null
  closedAt: string | null
  difficult: boolean
  dissatisfiedCount: number
  urgeCount: number
  supervised: boolean
  superviseDueAt: string | null
  callbackAttempts: number
  mergedIntoNumber: string | null
  followed: boolean
  mayUnmask: boolean
  mayUnitUnmask: boolean
  mayUnitCall: boolean
  version: number
  assignments: AssignmentView[]
  requests: RequestView[]
  attachments: { id: number; name: string; contentType: string; size: number; uploadedBy: string; uploadedAt: string }[]
  callbacks: { at: string; byUser: string; byName: string; resolved: boolean; satisfactionLabel: string; note: string | null }[]
  timeline: TimelineEntry[]
}

export interface UnitTask {
  assignmentId: number
  workOrderId: number
  number: string
  title: string
  appealTypeLabel: string
  urgency: string
  urgencyLabel: string
  role: string
  roleLabel: string
  unitName: string
  state: string
  stateLabel: string
  orderState: string
  assignedAt: string
  signDueAt: string
  handleDueAt: string
  light: Light
  urgeCount: number
  supervised: boolean
  version: number
}

export interface PendingRequest {
  id: number
  workOrderId: number
  number: string
  title: string
  assignmentId: number
  unitName: string
  kind: string
  reason: string
  amount: number | null
  unitLabel: string | null
  requestedBy: string
  requestedAt: string
  handleDueAt: string
  version: number
}

export interface Category {
  id: number
  parentId: number | null
  name: string
  level: number
  sortOrder: number
  enabled: boolean
  version: number
  children: Category[]
}

export interface OrgTreeNode {
  node: { id: number; name: string; kind: string; code: string; path: string }
  children: OrgTreeNode[]
}

export interface StepResult {
  id: number
  number: string
  state: string
  stateLabel: string
  version: number
}

export interface WorkOrderSettings {
  callbackMaxAttempts: number
  callbackWhenExhausted: 'CLOSE' | 'SUPERVISE'
  callbackWhenExhaustedLabel: string
  unitsMayUnmask: boolean
  /** How a handling unit reaches the citizen: NONE masked only, UNMASK audited look, CALL click-to-call (平台代拨). */
  unitPhoneAccess: 'NONE' | 'UNMASK' | 'CALL'
  unitPhoneAccessLabel?: string
}

/** A click-to-call between the unit handler's phone and the citizen; {@code citizen} is masked. */
export interface UnitCall {
  id: string
  workOrderId: number
  citizen: string
  state: 'CALLING_HANDLER' | 'CALLING_CITIZEN' | 'TALKING' | 'ENDED' | 'FAILED'
  stateLabel: string
  startedAt: string
}

/** An open order like the one being typed or looked at, with how alike (0–1) and why. */
export interface SimilarOrder extends OrderRow {
  score: number
  textSimilarity: number
  reasons: string[]
}

/** Likely duplicates; intoId is the earliest order, proposed as the one the others are merged into (并单). */
export interface DuplicateGroup {
  intoId: number
  reasons: string[]
  orders: { order: SimilarOrder; earliest: boolean }[]
}

/** A unit's reply against the appeal: offTopic flags a likely 答非所问 for the reviewer. */
export interface ReplyVerdict {
  assignmentId: number
  unitName: string
  role: string
  similarity: number
  offTopic: boolean
  reason: string | null
}

const base = '/api/work-orders'

export const workOrders = {
  search: (params: URLSearchParams) => http.get<PageResult<OrderRow>>(`${base}?${params}`),
  exportUrl: (params: URLSearchParams) => `${base}/export?${params}`,
  detail: (id: number) => http.get<OrderDetail>(`${base}/${id}`),
  create: (body: unknown, key: string) => createWithKey(body, key),
  history: (phone: string) => http.get<OrderRow[]>(`${base}/caller-history?phone=${encodeURIComponent(phone)}`),
  duplicates: (phone: string, address: string, text: string, excludeId?: number) =>
    http.get<SimilarOrder[]>(
      `${base}/duplicates?${new URLSearchParams({ phone, address, text, ...(excludeId ? { excludeId: String(excludeId) } : {}) })}`,
    ),
  duplicateGroups: (days = 7) => http.get<DuplicateGroup[]>(`${base}/duplicate-groups?days=${days}`),
  replyCheck: (id: number) => http.get<ReplyVerdict[]>(`${base}/${id}/reply-check`),
  step: (id: number, action: string, body: unknown = {}) => http.post<StepResult>(`${base}/${id}/${action}`, body),
  assignmentStep: (id: number, aid: number, action: string, body: unknown = {}) =>
    http.post<StepResult>(`${base}/${id}/assignments/${aid}/${action}`, body),
  /** Every step sends the order's version the screen showed; the server refuses a missing (400) or stale (409) one. */
  decide: (id: number, requestId: number, approve: boolean, note: string, version: number) =>
    http.post<StepResult>(`${base}/${id}/requests/${requestId}/decision`, { approve, note, version }),
  requests: (kind: 'RETURN' | 'EXTENSION') => http.get<PendingRequest[]>(`${base}/requests?kind=${kind}`),
  unitTasks: (box: string, q = '', page = 1, size = 20) =>
    http.get<PageResult<UnitTask>>(`${base}/unit-tasks?${new URLSearchParams({ box, q, page: String(page), size: String(size) })}`),
  batchReply: (items: { workOrderId: number; assignmentId: number }[], text: string) =>
    http.post<{ replied: number }>(`${base}/batch-reply`, { items, text }),
  follow: (id: number) => http.post<void>(`${base}/${id}/follow`),
  unfollow: (id: number) => http.delete<void>(`${base}/${id}/follow`),
  unmask: (id: number) => http.post<{ callerName: string; callerPhone: string }>(`${base}/${id}/caller/unmask`),
  /** A handling unit's look at the full number: needs the admin's setting and a reason, and is audited. */
  unitUnmask: (id: number, reason: string) =>
    http.post<{ callerName: string; callerPhone: string }>(`${base}/${id}/caller/unit-unmask`, { reason }),
  settings: () => http.get<WorkOrderSettings>(`${base}/settings`),
  saveSettings: (s: Omit<WorkOrderSettings, 'callbackWhenExhaustedLabel' | 'unitPhoneAccessLabel'>) =>
    http.put<WorkOrderSettings>(`${base}/settings`, s),
  /** 平台代拨: the platform rings {@code phone} (the handler's), then the citizen, and bridges them. */
  unitCall: (workOrderId: number, phone: string) => http.post<UnitCall>('/api/callcenter/unit-calls', { workOrderId, phone }),
  unitCallState: (callId: string) => http.get<UnitCall>(`/api/callcenter/unit-calls/${callId}`),
  unitCallHangup: (callId: string) => http.post<UnitCall>(`/api/callcenter/unit-calls/${callId}/hangup`),
  board: () =>
    http.get<{ red: number; yellow: number; urged: number; difficult: number; supervised: number; pendingDispatch: number; pendingCallback: number }>(
      `${base}/board`,
    ),
  categories: (all = false) => http.get<Category[]>(`${base}/categories?all=${all}`),
  units: () => http.get<OrgTreeNode[]>('/api/org/tree?view=unit'),
  regions: () => http.get<OrgTreeNode[]>('/api/org/tree?view=region'),
}

async function createWithKey(body: unknown, key: string) {
  // The Idempotency-Key makes a double click or a retried request answer the same order.
  const token = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/)
  const res = await fetch(base, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, application/problem+json',
      'Idempotency-Key': key,
      ...(token ? { 'X-XSRF-TOKEN': decodeURIComponent(token[1]) } : {}),
    },
    body: JSON.stringify(body),
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) {
    const { ApiError } = await import('../../api/http')
    throw new ApiError(res.status, json.detail || `请求失败（${res.status}）`, json)
  }
  return json as { id: number; number: string; state: string; version: number }
}

let me: Promise<{ username: string; displayName: string; permissions: string[] }> | null = null
/** The logged-in user's permissions, fetched once per page load (buttons show only what the user may do). */
export function currentUser() {
  me ??= http.get('/api/auth/me')
  return me
}
