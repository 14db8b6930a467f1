// The chat desk's API (/api/chat, staff login): types mirror org.openhotline.channels.internal.chat.
import { http } from '../../../api/http'
import type { ChatLine } from './chatSocket'

export interface ChatView {
  id: string
  state: string
  source: string
  citizenName: string | null
  citizenPhone: string | null
  groupId: number
  groupName: string
  agentId: number | null
  role: 'AGENT' | 'LEADER'
  queuedAt: string
  answeredAt: string | null
  orderId: number | null
  orderNumber: string | null
  rating: string | null
  position: number
  messages: ChatLine[]
}
export interface CannedReply {
  id: number
  title: string
  body: string
}
export interface Targets {
  groups: { id: number; code: string; name: string }[]
  agents: { accountId: number; agentNo: string; name: string; stateLabel: string; chats: number }[]
}
export interface OrderForm {
  appealType: string
  content: string
  name: string
  phone: string
  address: string
}

const base = '/api/chat'
export const chatApi = {
  mine: () => http.get<ChatView[]>(`${base}/mine`),
  one: (id: string, after = 0) => http.get<ChatView>(`${base}/${id}?after=${after}`),
  say: (id: string, clientId: string, text: string) => http.post<ChatLine>(`${base}/${id}/messages`, { clientId, text }),
  end: (id: string) => http.post<{ state: string }>(`${base}/${id}/end`, {}),
  transfer: (id: string, to: { accountId?: number; groupCode?: string }) => http.post(`${base}/${id}/transfer`, to),
  targets: () => http.get<Targets>(`${base}/transfer-targets`),
  open: () => http.get<ChatView[]>(`${base}/open`),
  join: (id: string) => http.post<ChatView>(`${base}/${id}/join`, {}),
  order: (id: string, form: OrderForm) => http.post<{ orderId: number; number: string }>(`${base}/${id}/order`, form),
  canned: () => http.get<CannedReply[]>(`${base}/canned`),
}
