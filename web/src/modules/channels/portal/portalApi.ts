// The citizen portal's public API (/api/portal, no login): types mirror org.openhotline.channels.internal.portal.
import { http } from '../../../api/http'

export interface Captcha {
  id: string
  image: string
}
export interface CategoryNode {
  id: number
  parentId: number | null
  name: string
  level: number
}
export interface Region {
  id: number
  parentId: number | null
  kind: string
  name: string
}
export interface Receipt {
  number: string
  queryCode: string
  createdAt: string
  phoneConfirmed: boolean
}
export interface PublicStep {
  at: string
  label: string
}
export interface Progress {
  number: string
  title: string
  content: string
  channel: string
  state: string
  stateLabel: string
  categoryName: string | null
  address: string | null
  createdAt: string
  closedAt: string | null
  reply: string | null
  replyUnit: string | null
  repliedAt: string | null
  steps: PublicStep[]
  canRate: boolean
  canReopen: boolean
  rating: string | null
}
export interface PublicArticle {
  id: number
  category: string
  title: string
  bodyHtml: string
  summary: string
  publishedAt: string | null
}
export interface TypicalCase {
  id: number
  number: string
  title: string
  appeal: string
  reply: string
  categoryName: string | null
  publishedAt: string
}

export const appealTypes = [
  { value: 'COMPLAINT', label: '投诉' },
  { value: 'HELP', label: '求助' },
  { value: 'CONSULTATION', label: '咨询' },
  { value: 'REPORT', label: '举报' },
  { value: 'SUGGESTION', label: '建议' },
  { value: 'PRAISE', label: '表扬' },
]

export const grades = [
  { value: 'VERY_SATISFIED', label: '非常满意' },
  { value: 'SATISFIED', label: '满意' },
  { value: 'BASICALLY_SATISFIED', label: '基本满意' },
  { value: 'DISSATISFIED', label: '不满意' },
  { value: 'VERY_DISSATISFIED', label: '非常不满意' },
]

const tokenHeader = (token?: string) => (token ? { headers: { 'X-Phone-Token': token } } : {})

export const portalApi = {
  captcha: () => http.get<Captcha>('/api/portal/captcha'),
  categories: () => http.get<CategoryNode[]>('/api/portal/categories'),
  regions: () => http.get<Region[]>('/api/portal/regions'),
  smsCode: (phone: string, purpose: 'FOLLOW_ORDER' | 'QUERY', captchaId: string, captchaAnswer: number) =>
    http.post<{ requestId: string }>('/api/portal/sms-codes', { phone, purpose, captchaId, captchaAnswer }),
  confirmPhone: (requestId: string, phone: string, code: string) =>
    http.post<{ token: string; expiresInSeconds: number }>('/api/portal/phone-tokens', { requestId, phone, code }),
  submit: (form: FormData, token?: string) => http.post<Receipt>('/api/portal/appeals', form, tokenHeader(token)),
  query: (number: string, code: string) =>
    http.get<Progress>(`/api/portal/orders/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`),
  mine: (token: string) => http.get<Progress[]>('/api/portal/orders', tokenHeader(token)),
  rate: (number: string, code: string, grade: string, note: string, token?: string) =>
    http.post<Progress>(`/api/portal/orders/${encodeURIComponent(number)}/rating`, { code, grade, note }, tokenHeader(token)),
  reopen: (number: string, code: string, reason: string, token?: string) =>
    http.post<Progress>(`/api/portal/orders/${encodeURIComponent(number)}/reopen`, { code, reason }, tokenHeader(token)),
  knowledge: (q: string) => http.get<PublicArticle[]>(`/api/portal/knowledge?q=${encodeURIComponent(q)}`),
  article: (id: number) => http.get<PublicArticle>(`/api/portal/knowledge/${id}`),
  cases: (q: string) => http.get<TypicalCase[]>(`/api/portal/cases?q=${encodeURIComponent(q)}`),
}
