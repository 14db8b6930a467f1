import { http } from '../../api/http'

// 班组 and 录音管理 (server: callcenter/internal/teams/TeamController, recordings/RecordingControlController).

export interface Team {
  id: number
  name: string
  leaderId: number | null
  leaderName: string | null
  members: number[]
  version: number
}

export interface Person {
  accountId: number
  name: string
  agentNo: string | null
  teamId: number | null
}

export const teams = {
  list: () => http.get<Team[]>('/api/callcenter/teams'),
  candidates: () => http.get<{ agents: Person[]; leaders: Person[] }>('/api/callcenter/teams/candidates'),
  create: (name: string, leaderId: number | null) => http.post<Team>('/api/callcenter/teams', { name, leaderId }),
  update: (t: Team, name: string, leaderId: number | null) =>
    http.put<Team>(`/api/callcenter/teams/${t.id}`, { name, leaderId, version: t.version }),
  members: (id: number, members: number[]) => http.put<Team>(`/api/callcenter/teams/${id}/members`, { members }),
  remove: (id: number) => http.delete<void>(`/api/callcenter/teams/${id}`),
  policy: () => http.get<{ leadersLimited: boolean }>('/api/callcenter/teams/policy'),
  setPolicy: (leadersLimited: boolean) => http.put<{ leadersLimited: boolean }>('/api/callcenter/teams/policy', { leadersLimited }),
}

export interface DeletionRequest {
  id: number
  callId: string
  reason: string
  requestedBy: string
  requestedAt: string
  status: 'PENDING' | 'APPROVED' | 'REJECTED'
  decidedBy: string | null
  decidedAt: string | null
  decisionNote: string | null
  bytesFreed: number | null
  version: number
}

export interface RetentionRule {
  direction: 'INBOUND' | 'OUTBOUND' | 'INTERNAL'
  days: number | null
  version: number
}

export interface RetentionRun {
  id: number
  ranAt: string
  deleted: number
  bytesFreed: number
  failures: number
  byActor: string
}

export const recordings = {
  request: (callId: string, reason: string) => http.post<DeletionRequest>('/api/callcenter/recordings/deletions', { callId, reason }),
  list: (status?: string) =>
    http.get<DeletionRequest[]>('/api/callcenter/recordings/deletions' + (status ? `?status=${status}` : '')),
  approve: (r: DeletionRequest) => http.post<DeletionRequest>(`/api/callcenter/recordings/deletions/${r.id}/approve`, { version: r.version }),
  reject: (r: DeletionRequest, note: string) =>
    http.post<DeletionRequest>(`/api/callcenter/recordings/deletions/${r.id}/reject`, { version: r.version, note }),
  rules: () => http.get<RetentionRule[]>('/api/callcenter/recordings/retention'),
  saveRule: (r: RetentionRule, days: number | null) =>
    http.put<RetentionRule>(`/api/callcenter/recordings/retention/${r.direction}`, { days, version: r.version }),
  runs: () => http.get<RetentionRun[]>('/api/callcenter/recordings/retention/runs'),
  runNow: () => http.post<RetentionRun>('/api/callcenter/recordings/retention/run'),
}
