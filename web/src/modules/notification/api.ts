import { http, toQuery, type PageResult } from '../../api/http'

export interface SmsTemplate {
  code: string
  name: string
  body: string
  enabled: boolean
  version: number
  variables: string[]
  updatedAt: string
  updatedBy: string
}

export interface SmsMessage {
  id: number
  purpose: string
  phone: string
  content: string
  state: string
  attempts: number
  lastError: string | null
  workOrderId: number | null
  createdAt: string
  sentAt: string | null
  reportedAt: string | null
}

export interface OptOut {
  phone: string
  at: string
  source: string
}

const base = '/api/notification/sms'

export const smsApi = {
  templates: () => http.get<SmsTemplate[]>(`${base}/templates`),
  saveTemplate: (t: SmsTemplate) =>
    http.put<SmsTemplate>(`${base}/templates/${t.code}`, { body: t.body, enabled: t.enabled, version: t.version }),
  messages: (filter: { phone?: string; state?: string }, page: number, size: number) =>
    http.get<PageResult<SmsMessage>>(`${base}/messages${toQuery({ ...filter, page, size })}`),
  optOuts: () => http.get<OptOut[]>(`${base}/opt-outs`),
  addOptOut: (phone: string) => http.post<void>(`${base}/opt-outs`, { phone }),
  removeOptOut: (phone: string) => http.delete<void>(`${base}/opt-outs/${encodeURIComponent(phone)}`),
}

export const STATE_LABELS: Record<string, string> = {
  PENDING: '待发送',
  SENT: '已发送',
  DELIVERED: '已送达',
  UNDELIVERED: '未送达',
  FAILED: '发送失败',
  OPTED_OUT: '已退订未发',
  RATE_LIMITED: '超频未发',
}

export const PURPOSE_LABELS: Record<string, string> = {
  RECEIPT: '受理回执',
  REPLY: '答复通知',
  SURVEY: '短信回访',
  REMINDER: '时限提醒',
  CODE: '验证码',
  ANSWER: '上行回复',
}
