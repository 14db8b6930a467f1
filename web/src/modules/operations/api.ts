import { http, toQuery, type PageResult } from '../../api/http'

export type Level = 'CRITICAL' | 'MAJOR' | 'MINOR' | 'OK' | 'UNKNOWN'

export interface MeasureState {
  metric: string
  subject: string
  label: string
  value: number | null
  unit: string
  detail: string | null
  state: Level
  rule: string | null
}

export interface HealthPart {
  name: string
  state: Level
  measures: MeasureState[]
}

export interface HealthAnswer {
  at: string
  state: Level
  parts: HealthPart[]
}

export interface TrendPoint {
  at: string
  value: number
}

export interface Alarm {
  id: number
  name: string
  metric: string
  subject: string
  severity: Level
  state: 'ACTIVE' | 'ACKED' | 'CLEARED' | 'CLOSED'
  value: number
  threshold: number
  raisedAt: string
  clearedAt: string | null
  ackedAt: string | null
  ackedBy: string | null
  ackNote: string | null
  closedAt: string | null
  closedBy: string | null
  closeNote: string | null
  version: number
}

export interface AlarmRule {
  id: number
  metric: string
  name: string
  comparison: 'GT' | 'LT'
  threshold: number
  durationSeconds: number
  severity: Level
  enabled: boolean
  version: number
  updatedAt: string
  updatedBy: string
}

export interface AlarmChannel {
  id: number
  kind: 'EMAIL' | 'WEBHOOK' | 'SMS'
  target: string
  minSeverity: Level
  enabled: boolean
  version: number
}

export interface MailServer {
  host: string
  port: number
  ssl: boolean
  username: string
  passwordSet: boolean
  password?: string
  sender: string
  version: number
}

export interface Backup {
  id: number
  kind: 'BASE' | 'RECORDINGS'
  file: string
  sizeBytes: number
  startedAt: string
  finishedAt: string
  walStart: string | null
  checksum: string | null
}

export interface BackupsAnswer {
  backups: Backup[]
  walArchive: { dir: string | null; segments: number; bytes: number; newest: string | null }
}

export interface InspectionReport {
  id: number
  kind: 'DAILY' | 'WEEKLY'
  periodStart: string
  periodEnd: string
  generatedAt: string
  fileName: string
  passed: number
  failed: number
}

export interface AlarmFilter {
  state?: string
  severity?: string
}

export const opsApi = {
  health: () => http.get<HealthAnswer>('/api/ops/health'),
  trend: (metric: string, subject: string, hours: number) =>
    http.get<TrendPoint[]>(`/api/ops/health/trend${toQuery({ metric, subject, hours })}`),
  alarms: (filter: AlarmFilter, page: number, size: number) =>
    http.get<PageResult<Alarm>>(`/api/ops/alarms${toQuery({ ...filter, page, size })}`),
  exportAlarms: (filter: AlarmFilter) => http.download(`/api/ops/alarms/export${toQuery({ ...filter })}`, '告警历史.xlsx'),
  ack: (a: Alarm, note: string) => http.post<Alarm>(`/api/ops/alarms/${a.id}/ack`, { note, version: a.version }),
  close: (a: Alarm, note: string) => http.post<Alarm>(`/api/ops/alarms/${a.id}/close`, { note, version: a.version }),
  rules: () => http.get<AlarmRule[]>('/api/ops/alarm-rules'),
  saveRule: (r: AlarmRule) => http.put<AlarmRule>(`/api/ops/alarm-rules/${r.id}`, r),
  channels: () => http.get<AlarmChannel[]>('/api/ops/alarm-channels'),
  createChannel: (c: Omit<AlarmChannel, 'id' | 'version'>) => http.post<AlarmChannel>('/api/ops/alarm-channels', c),
  deleteChannel: (id: number) => http.delete<void>(`/api/ops/alarm-channels/${id}`),
  mailServer: () => http.get<MailServer>('/api/ops/mail-server'),
  saveMailServer: (m: MailServer) => http.put<MailServer>('/api/ops/mail-server', m),
  backups: () => http.get<BackupsAnswer>('/api/ops/backups'),
  backupNow: () => http.post<Backup>('/api/ops/backups'),
  backupRecordings: () => http.post<{ copied: number; bytes: number }>('/api/ops/backups/recordings'),
  reports: () => http.get<InspectionReport[]>('/api/ops/reports'),
  generateReport: (kind: 'DAILY' | 'WEEKLY') => http.post<InspectionReport>(`/api/ops/reports?kind=${kind}`),
  downloadReport: (r: InspectionReport) => http.download(`/api/ops/reports/${r.id}/download`, r.fileName),
}

export const LEVEL_LABELS: Record<string, string> = {
  CRITICAL: '紧急',
  MAJOR: '重要',
  MINOR: '次要',
  OK: '正常',
  UNKNOWN: '未检测',
}

export const LEVEL_TAGS: Record<string, 'danger' | 'warning' | 'info' | 'success'> = {
  CRITICAL: 'danger',
  MAJOR: 'warning',
  MINOR: 'info',
  OK: 'success',
  UNKNOWN: 'info',
}

export const ALARM_STATE_LABELS: Record<string, string> = {
  ACTIVE: '告警中',
  ACKED: '已确认',
  CLEARED: '已恢复',
  CLOSED: '已关闭',
}
