import { http, toQuery } from '../../api/http'

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH'
export type Decision = 'CONFIRMED' | 'DISMISSED'

export interface MachineRule {
  code: string
  kind: 'ACOUSTIC' | 'CALL' | 'TEXT'
  name: string
  description: string
  enabled: boolean
  severity: Severity
  threshold: number
  unit: string
  words: string
  version: number
}

export interface RuleView {
  rule: MachineRule
  flags: number
  confirmed: number
  dismissed: number
  precision: number | null
}

export interface Flag {
  id: number
  callId: string
  ruleCode: string
  ruleName: string
  kind: string
  severity: Severity
  startMs: number
  endMs: number
  detail: string
  createdAt: string
  decision: Decision | null
  decidedBy: string | null
  decidedAt: string | null
  note: string | null
  version: number
}

export interface CallAnalysis {
  callId: string
  outcome: string
  analysedAt: string
  lengthMs: number
  citizenSpeechMs: number
  agentSpeechMs: number
  agentShare: number | null
  agentRate: number | null
  note: string | null
  transcript: boolean
  flags: Flag[]
}

export const machine = {
  rules: () => http.get<RuleView[]>('/api/quality/machine/rules'),
  saveRule: (code: string, change: Partial<MachineRule> & { version: number }) =>
    http.put<MachineRule>(`/api/quality/machine/rules/${encodeURIComponent(code)}`, change),
  flags: (filter: { open: boolean; rule?: string }) =>
    http.get<Flag[]>(`/api/quality/machine/flags${toQuery({ open: filter.open, rule: filter.rule })}`),
  call: (callId: string) => http.get<CallAnalysis>(`/api/quality/machine/calls/${encodeURIComponent(callId)}`),
  decide: (flag: Flag, decision: Decision, note?: string) =>
    http.post<Flag>(`/api/quality/machine/flags/${flag.id}/decision`, { decision, note, version: flag.version }),
  rerun: (callId: string) => http.post<{ outcome: string; findings: number }>(
    `/api/quality/machine/calls/${encodeURIComponent(callId)}/analysis`),
  rerunRange: (from: string, to: string) => http.post<{ calls: number }>('/api/quality/machine/reruns', { from, to }),
}

export const SEVERITY: Record<Severity, { label: string; type: 'info' | 'warning' | 'danger' }> = {
  LOW: { label: '低', type: 'info' },
  MEDIUM: { label: '中', type: 'warning' },
  HIGH: { label: '高', type: 'danger' },
}

export const KIND: Record<string, string> = { ACOUSTIC: '声学', CALL: '话单', TEXT: '文本' }

/** A moment in the recording as m:ss. */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
