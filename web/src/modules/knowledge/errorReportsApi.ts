import { http } from '../../api/http'

// 知识纠错 (server: knowledge/internal/errors/ErrorReportController).

export type ErrorKind = 'WRONG' | 'OUTDATED' | 'UNCLEAR'

export const ERROR_KINDS: Record<ErrorKind, string> = { WRONG: '内容错误', OUTDATED: '内容过时', UNCLEAR: '表述不清' }

export interface ErrorReport {
  id: number
  articleId: number
  articleTitle: string
  kind: ErrorKind
  kindLabel: string
  note: string
  reporterName: string
  reportedAt: string
  status: 'OPEN' | 'ACCEPTED' | 'REJECTED' | 'FIXED'
  statusLabel: string
  decidedBy: string | null
  decidedAt: string | null
  rejectReason: string | null
  fixedAt: string | null
  version: number
}

export interface Timeliness {
  reports: number
  fixed: number
  fixedInTime: number
  overdue: number
  rate: number | null
}

export const errorReports = {
  report: (articleId: number, kind: ErrorKind, note: string) =>
    http.post<ErrorReport>(`/api/knowledge/articles/${articleId}/error-reports`, { kind, note }),
  mine: () => http.get<ErrorReport[]>('/api/knowledge/error-reports/mine'),
  queue: (status: string) => http.get<ErrorReport[]>(`/api/knowledge/error-reports?status=${status}`),
  accept: (id: number) => http.post<ErrorReport>(`/api/knowledge/error-reports/${id}/accept`),
  reject: (id: number, reason: string) => http.post<ErrorReport>(`/api/knowledge/error-reports/${id}/reject`, { reason }),
  timeliness: () => http.get<Timeliness>('/api/knowledge/error-reports/timeliness'),
}
