import { http, toQuery, type PageResult } from '../../api/http'

// The call center's server API (server/src/main/java/org/openhotline/callcenter/internal/*/*Controller.java).

export type AgentState =
  | 'SIGNED_OUT'
  | 'READY'
  | 'NOT_READY'
  | 'RINGING'
  | 'TALKING'
  | 'HELD'
  | 'AFTER_CALL_WORK'
  | 'BREAK'

/** GET /api/callcenter/me, and (partly) the `seat` events of /me/stream. */
export interface SeatView {
  state: AgentState
  stateLabel?: string
  reason: string | null
  since: string | null
  extension?: string | null
  callId: string | null
  caller: string | null
  phoneRegistered?: boolean
  /** Grows with every change of any seat: of two views of the seat, the higher version is the newer. */
  version?: number
  /** The consultation (咨询转) of the current call, if any; only in answers of /me and its POSTs. */
  consulting?: Consulting | null
}

export interface Consulting {
  target: string
  answered: boolean
  threeWay: boolean
  /** The number an outside party sees when it is not the hotline's (the citizen's, handed over to 110); else null. */
  shownAs?: string | null
}

/** A phone linkage under way; `shownAs`: the number the service sees (null: the hotline's own). */
export interface EmergencyLink {
  service: string
  name: string
  number: string
  shownAs: string | null
}

/** An emergency service of the phone linkage (电话联动 110/119/120/122) and the number the platform dials. */
export interface EmergencyService {
  code: string
  name: string
  number: string
}

export interface Today {
  answered: number
  outbound: number
  averageTalkSeconds: number | null
  averageAfterCallSeconds: number | null
  surveyed: number
  satisfiedRate: number | null
  notReadySeconds: number
}

export interface PastCall {
  id: string
  arrivedAt: string
  direction: string
  agentNo: string | null
  talkSeconds: number | null
  abandonPoint: string | null
  satisfaction: number | null
}

/** A past or open work order of the caller (from the work-order module). */
export interface CallerOrder {
  id: number
  number: string
  title: string
  state: string
  stateLabel: string
  open: boolean
  createdAt: string
  urgeCount: number
  callId: string | null
  version: number
}

export interface CallerView {
  number: string
  blacklisted: boolean
  priority: boolean
  repeatCaller: boolean
  callsLast30Days: number
  calls: PastCall[]
  orders: CallerOrder[]
  openOrders: number
}

export interface ToDo {
  ordersToHandle: number
  callbacksDue: number
}

export interface OrderToHandle {
  id: number
  number: string
  title: string
  state: string
  stateLabel: string
  createdAt: string
  dueAt: string | null
}

export interface Message {
  id: number
  fromId: number
  fromName: string
  toId: number
  text: string
  sentAt: string
  readAt: string | null
}

export interface CallbackTask {
  id: number
  number: string
  callId: string | null
  reason: string | null
  createdAt: string
}

export interface AgentTile {
  accountId: number
  agentNo: string
  name: string
  state: AgentState
  stateLabel: string
  reason: string | null
  since: string | null
  extension: string | null
  caller: string | null
  /** See SeatView.version: a tile never replaces a newer one of the same agent. */
  version: number
  /** The agent's team (班组), null when in none. */
  teamId?: number | null
  teamName?: string | null
  /** Online chats (在线客服) the agent holds now. */
  chats?: number
}

export interface QueueBoard {
  groupId: number
  code: string
  name: string
  waiting: number
  longestWaitSeconds: number
  answeredToday: number
  abandonedToday: number
  answeredWithin20sRate: number | null
  /** Online chats waiting for the group. */
  chatsWaiting?: number
}

export interface Snapshot {
  at: string
  agents: AgentTile[]
  queues: QueueBoard[]
  /** Seats per team and state (班组合计) at the snapshot's time. */
  teams?: { teamId: number | null; name: string; agents: number; byState: Record<string, number> }[]
}

export interface CallRow {
  id: string
  caller: string
  called: string
  direction: string
  arrivedAt: string
  queuedAt: string | null
  answeredAt: string | null
  endedAt: string | null
  ivrResult: string | null
  abandonPoint: string | null
  groupName: string | null
  agentNo: string | null
  transferChain: string | null
  satisfaction: number | null
  hasRecording: boolean
  recordingS: number | null
}

export type Strategy = 'LONGEST_IDLE' | 'SKILL_LEVEL' | 'ROUND_ROBIN' | 'FEWEST_CALLS'

export interface SkillGroup {
  id: number
  code: string
  name: string
  strategy: Strategy
  overflowGroupId: number | null
  overflowAfterS: number | null
  ringTimeoutS: number
  maxWaitS: number
  afterCallWorkS: number
  enabled: boolean
  version: number
  /** 在线客服并发: chats an agent of the group holds at most (0: the group takes no chats) */
  chatCapacity: number
  /** of those, while on a call */
  chatsWithCall: number
}

export interface AgentConfig {
  accountId: number
  /** the account's display name (姓名) and login name */
  name: string
  username: string
  agentNo: string
  extension: string
  enabled: boolean
  /** skill group id → level 1–5 */
  skills: Record<string, number>
}

export interface RoutingRule {
  id: number
  calledNumber: string | null
  callerPrefix: string | null
  groupId: number
  priority: number
  note: string | null
}

export interface BlacklistEntry {
  id: number
  number: string
  reason: string
  expiresAt: string | null
  createdBy: string
  createdAt: string
}

/** A called number and the IVR flow it runs. */
export interface NumberFlow {
  number: string
  flowId: string
  flowName: string
}

export interface IvrFlow {
  id: string
  name: string
  definition: string
  version: number
}

const base = '/api/callcenter'

export const phoneBar = {
  mine: () => http.get<SeatView>(`${base}/me`),
  signIn: (extension?: string) => http.post<SeatView>(`${base}/me/sign-in`, extension ? { extension } : {}),
  state: (state: AgentState, reason?: string) => http.post<SeatView>(`${base}/me/state`, { state, reason }),
  hangup: () => http.post(`${base}/me/hangup`),
  hold: () => http.post<SeatView>(`${base}/me/hold`),
  retrieve: () => http.post<SeatView>(`${base}/me/retrieve`),
  mute: (muted: boolean) => http.post<{ callId: string; muted: boolean }>(`${base}/me/mute`, { muted }),
  transfer: (destination: string) => http.post(`${base}/me/transfer`, { destination }),
  conference: (destination: string) => http.post(`${base}/me/conference`, { destination }),
  escalate: () => http.post(`${base}/me/escalate`),
  consult: (destination: string) => http.post<SeatView>(`${base}/me/consult`, { destination }),
  completeConsult: () => http.post<SeatView>(`${base}/me/consult/complete`),
  joinConsult: () => http.post<SeatView>(`${base}/me/consult/join`),
  cancelConsult: () => http.post<SeatView>(`${base}/me/consult/cancel`),
  dial: (number: string) => http.post<{ callId: string }>(`${base}/me/dial`, { number }),
  emergencyServices: () => http.get<EmergencyService[]>(`${base}/me/emergency/services`),
  /** Starts the linkage: a consultation of the service; 三方 and 完成转接 (the hand-over) follow as for 咨询转. */
  emergency: (service: string) => http.post<EmergencyLink>(`${base}/me/emergency`, { service }),
}

export const desk = {
  today: () => http.get<Today>(`${base}/me/today`),
  caller: (number: string) => http.get<CallerView>(`${base}/callers/${encodeURIComponent(number)}`),
  messages: () => http.get<Message[]>(`${base}/messages`),
  send: (toAccountId: number, text: string) => http.post<Message>(`${base}/messages`, { toAccountId, text }),
  callbackTasks: () => http.get<CallbackTask[]>(`${base}/callback-tasks`),
  toDo: () => http.get<ToDo>(`${base}/me/to-do`),
  ordersToHandle: (page: number, size: number) =>
    http.get<PageResult<OrderToHandle>>(`${base}/me/orders-to-handle${toQuery({ page, size })}`),
  /** Records the call as an urge (催办) of the caller's open order (work-order API). */
  urge: (orderId: number, note: string, version: number) =>
    http.post(`/api/work-orders/${orderId}/urge`, { note, version }),
  callbackDone: (id: number) => http.post(`${base}/callback-tasks/${id}/done`),
}

export const seatWall = {
  snapshot: () => http.get<Snapshot>(`${base}/seat-wall`),
  force: (accountId: number, state: AgentState, reason?: string) =>
    http.post(`${base}/seat-wall/agents/${accountId}/force`, { state, reason }),
  join: (accountId: number, mode: 'listen' | 'whisper' | 'barge') =>
    http.post(`${base}/seat-wall/agents/${accountId}/${mode}`),
  takeOver: (accountId: number) => http.post(`${base}/seat-wall/agents/${accountId}/take-over`),
}

export interface CallFilter {
  from?: Date | null
  to?: Date | null
  caller?: string
  agentNo?: string
  abandonPoint?: string
}

export const calls = {
  search: (f: CallFilter, page: number, size: number) =>
    http.get<PageResult<CallRow>>(`${base}/calls${toQuery({ ...f, page, size })}`),
  export: (f: CallFilter) => http.download(`${base}/calls/export${toQuery({ ...f })}`, '通话记录.xlsx'),
  recordingUrl: (id: string) => `${base}/calls/${encodeURIComponent(id)}/recording`,
}

export const admin = {
  groups: () => http.get<SkillGroup[]>(`${base}/admin/skill-groups`),
  createGroup: (g: Partial<SkillGroup>) => http.post<SkillGroup>(`${base}/admin/skill-groups`, g),
  updateGroup: (id: number, g: Partial<SkillGroup>) => http.put<SkillGroup>(`${base}/admin/skill-groups/${id}`, g),
  agents: () => http.get<AgentConfig[]>(`${base}/admin/agents`),
  saveAgent: (accountId: number, a: { agentNo: string; extension: string; sipPassword?: string; enabled: boolean; skills: Record<string, number> }) =>
    http.put<AgentConfig>(`${base}/admin/agents/${accountId}`, a),
  rules: () => http.get<RoutingRule[]>(`${base}/admin/routing-rules`),
  addRule: (r: Partial<RoutingRule>) => http.post<{ id: number }>(`${base}/admin/routing-rules`, r),
  removeRule: (id: number) => http.delete(`${base}/admin/routing-rules/${id}`),
  blacklist: () => http.get<BlacklistEntry[]>(`${base}/admin/blacklist`),
  addBlacklist: (number: string, reason: string, expiresAt?: Date | null) =>
    http.post<{ id: number }>(`${base}/admin/blacklist`, { number, reason, expiresAt: expiresAt ? expiresAt.toISOString() : null }),
  removeBlacklist: (id: number) => http.delete(`${base}/admin/blacklist/${id}`),
  flows: () => http.get<IvrFlow[]>(`${base}/admin/ivr-flows`),
  // quiet: the flow editor shows the parser's answer inline
  saveFlow: (id: string, definition: string, version?: number) =>
    http.put<IvrFlow>(`${base}/admin/ivr-flows/${encodeURIComponent(id)}`, { definition, version }, { quiet: true }),
  numbers: () => http.get<NumberFlow[]>(`${base}/admin/numbers`),
  assignNumber: (number: string, flowId: string) =>
    http.put(`${base}/admin/numbers/${encodeURIComponent(number)}/flow`, { flowId }),
}
