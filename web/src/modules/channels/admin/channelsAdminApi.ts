// Staff APIs of the channels: typical cases (/api/channels/typical-cases), Open311 keys, chat canned replies.
import { http } from '../../../api/http'

export interface TypicalCase {
  id: number
  number: string
  title: string
  appeal: string
  reply: string
  categoryName: string | null
  publishedAt: string
  version: number
}
export interface CaseDraft {
  number: string
  title: string
  appeal: string
  reply: string
  categoryName: string | null
}
export interface ApiKey {
  id: number
  name: string
  prefix: string
  enabled: boolean
  createdBy: string
  createdAt: string
  version: number
}
export interface CannedReply {
  id: number
  title: string
  body: string
  position: number
}

export const channelsAdmin = {
  cases: () => http.get<TypicalCase[]>('/api/channels/typical-cases'),
  draft: (number: string) => http.get<CaseDraft>(`/api/channels/typical-cases/draft?number=${encodeURIComponent(number)}`),
  publish: (c: { number: string; title: string; appeal: string; reply: string }) => http.post<TypicalCase>('/api/channels/typical-cases', c),
  withdraw: (c: TypicalCase) => http.delete(`/api/channels/typical-cases/${c.id}?version=${c.version}`),
  keys: () => http.get<ApiKey[]>('/api/channels/open311-keys'),
  issue: (name: string) => http.post<{ key: ApiKey; secret: string }>('/api/channels/open311-keys', { name }),
  enable: (k: ApiKey, enabled: boolean) => http.put<ApiKey>(`/api/channels/open311-keys/${k.id}/enabled`, { enabled, version: k.version }),
  canned: () => http.get<CannedReply[]>('/api/chat/canned'),
  addCanned: (r: { title: string; body: string; position: number }) => http.post<CannedReply>('/api/chat/canned', r),
  removeCanned: (id: number) => http.delete(`/api/chat/canned/${id}`),
}
