// Knowledge base API: types mirror the server's records (org.openhotline.knowledge.internal.*).
import { http, type PageResult, type RequestOptions } from '../../api/http'

export type ArticleState = 'DRAFT' | 'PENDING' | 'PUBLISHED' | 'UNPUBLISHED'
export const stateLabel: Record<ArticleState, string> = {
  DRAFT: '草稿',
  PENDING: '待审核',
  PUBLISHED: '已发布',
  UNPUBLISHED: '已下架',
}

export interface Category {
  id: number
  parentId: number | null
  name: string
  visibility: 'PUBLIC' | 'INTERNAL' | 'PRIVATE'
  ownerNodeId: number | null
  readRoles: string[]
  editRoles: string[]
  reviewRequired: boolean
  sortOrder: number
  version: number
  canEdit: boolean
  canReview: boolean
  canManage: boolean
}

export interface Article {
  id: number
  categoryId: number
  title: string
  bodyHtml: string
  bodyText: string
  keywords: string
  regions: string
  sourcePolicy: string
  effectiveFrom: string | null
  expiresOn: string | null
  state: ArticleState
  revision: number
  author: string
  submittedBy: string | null
  reviewedBy: string | null
  reviewedAt: string | null
  reviewComment: string | null
  publishedAt: string | null
  views: number
  citations: number
  version: number
  updatedAt: string
}

/** 在线修订: the next version of a published article, reviewed while the published one stays live. */
export interface Revision {
  articleId: number
  revision: number
  categoryId: number
  title: string
  bodyHtml: string
  bodyText: string
  keywords: string
  regions: string
  sourcePolicy: string
  effectiveFrom: string | null
  expiresOn: string | null
  state: 'DRAFT' | 'PENDING'
  editedBy: string
  editedAt: string
  submittedBy: string | null
  reviewedBy: string | null
  reviewComment: string | null
  version: number
}

export interface Attachment {
  id: number
  fileName: string
  size: number
  uploadedBy: string
}

export interface ArticleDetail {
  article: Article
  categoryName: string
  live: boolean
  canEdit: boolean
  canReview: boolean
  attachments: Attachment[]
  favourite: boolean
  note: string
  revision: Revision | null
}

export interface SearchHit {
  id: number
  title: string
  titleHtml: string
  snippetHtml: string
  categoryId: number
  categoryName: string
  keywords: string
  state: ArticleState
  regions: string
  expiresOn: string
  score: number
}

export interface UnitHit {
  id: number
  name: string
  dutiesHtml: string
  contactPhone: string | null
  address: string | null
}

export interface SearchAnswer {
  items: SearchHit[]
  total: number
  totalIsLowerBound: boolean
  relaxed: boolean
  page: number
  size: number
  units: UnitHit[]
  terms: string[]
  tookMs: number
}

export interface HotArticle {
  articleId: number
  title: string
  categoryId: number
  views: number
  citations: number
  heat: number
}

export interface Citation {
  citationId: number
  articleId: number
  revision: number
  title: string
  answer: string
  sourcePolicy: string
}

export interface Passage {
  articleId: number
  title: string
  categoryName: string
  text: string
  textHtml: string
  confidence: number
}

export interface AssistantReply {
  question: string
  answered: boolean
  message: string
  passages: Passage[]
  /** Not sure or outside the knowledge base: a 知识提问 to a unit is suggested. */
  askUnit: boolean
  /** Cosine of the question and the best article (what the assistant's confidence rests on). */
  similarity: number
}

/** An agent's verdict on a reply, beside what the assistant itself decided (asked again on the server). */
export interface AssistantFeedback {
  id: number
  question: string
  answered: boolean
  articleId: number | null
  articleTitle: string | null
  similarity: number
  coverage: number
  helpful: boolean
  givenBy: string
  givenAt: string
}

/** The verdicts of the last `days` days in four cells; the shares are null when nothing was judged. */
export interface AssistantFeedbackSummary {
  days: number
  answeredHelpful: number
  answeredNotHelpful: number
  abstainedHelpful: number
  abstainedNotHelpful: number
  answeredHelpfulShare: number | null
  abstainedHelpfulShare: number | null
}

export interface Question {
  id: number
  question: string
  detail: string
  askedBy: string
  askedAt: string
  unitId: number
  unitName: string
  deadline: string
  state: 'OPEN' | 'ANSWERED' | 'CONVERTED'
  answer: string | null
  answeredBy: string | null
  answeredAt: string | null
  articleId: number | null
  version: number
}

export interface QuestionView {
  question: Question
  overdue: boolean
}

export interface SynonymGroup {
  id: number
  terms: string[]
  updatedBy: string
  updatedAt: string
}

export interface Miss {
  id: number
  query: string
  times: number
  lastAt: string
  lastBy: string
  handled: boolean
  note: string | null
}

export interface Version {
  revision: number
  title: string
  bodyText: string
  editedBy: string
  editedAt: string
  note: string
}

export interface DiffLine {
  op: 'SAME' | 'ADDED' | 'REMOVED'
  text: string
}

export interface Template {
  id: number
  name: string
  bodyHtml: string
  keywords: string
}

export interface SearchParams {
  q?: string
  categoryId?: number | null
  region?: string
  state?: ArticleState | ''
  sort?: 'relevance' | 'latest'
  page?: number
  size?: number
}

function query(params: Record<string, unknown>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export const knowledgeApi = {
  search: (p: SearchParams) => http.get<SearchAnswer>(`/api/knowledge/search${query({ ...p })}`),
  categories: () => http.get<Category[]>('/api/knowledge/categories'),
  saveCategory: (c: Partial<Category>) =>
    c.id ? http.put<Category>(`/api/knowledge/categories/${c.id}`, c) : http.post<Category>('/api/knowledge/categories', c),
  hot: (period: 'DAY' | 'WEEK' | 'MONTH', limit = 10) =>
    http.get<HotArticle[]>(`/api/knowledge/hot?period=${period}&limit=${limit}`),
  list: (p: { categoryId?: number | null; state?: ArticleState | ''; q?: string; page?: number; size?: number }) =>
    http.get<PageResult<Article>>(`/api/knowledge/articles${query({ ...p })}`),
  article: (id: number, countView = true) =>
    http.get<ArticleDetail>(`/api/knowledge/articles/${id}?countView=${countView}`),
  create: (a: Partial<Article>) => http.post<Article>('/api/knowledge/articles', a),
  update: (id: number, a: Partial<Article> & { note?: string }) => http.put<Article>(`/api/knowledge/articles/${id}`, a),
  submit: (id: number) => http.post<Article>(`/api/knowledge/articles/${id}/submit`),
  approve: (id: number, comment: string) => http.post<Article>(`/api/knowledge/articles/${id}/approve`, { comment }),
  reject: (id: number, comment: string) => http.post<Article>(`/api/knowledge/articles/${id}/reject`, { comment }),
  unpublish: (id: number, comment: string) =>
    http.post<Article>(`/api/knowledge/articles/${id}/unpublish`, { comment }),
  revise: (id: number, r: Partial<Revision> & { note?: string }) =>
    http.put<Revision>(`/api/knowledge/articles/${id}/revision`, r),
  revision: (id: number) => http.get<Revision>(`/api/knowledge/articles/${id}/revision`),
  submitRevision: (id: number) => http.post<Revision>(`/api/knowledge/articles/${id}/revision/submit`),
  approveRevision: (id: number, comment: string) =>
    http.post<Article>(`/api/knowledge/articles/${id}/revision/approve`, { comment }),
  rejectRevision: (id: number, comment: string) =>
    http.post<Revision>(`/api/knowledge/articles/${id}/revision/reject`, { comment }),
  discardRevision: (id: number) => http.delete<void>(`/api/knowledge/articles/${id}/revision`),
  revisionQueue: () => http.get<Revision[]>('/api/knowledge/review-queue/revisions'),
  reviewQueue: (page = 1) => http.get<PageResult<Article>>(`/api/knowledge/review-queue?page=${page}`),
  versions: (id: number) => http.get<Version[]>(`/api/knowledge/articles/${id}/versions`),
  diff: (id: number, from: number, to: number) =>
    http.get<{ titleBefore: string; titleAfter: string; lines: DiffLine[] }>(
      `/api/knowledge/articles/${id}/diff?from=${from}&to=${to}`,
    ),
  cite: (id: number, context: 'INTAKE' | 'UNIT_REPLY' | 'OTHER', ref?: string) =>
    http.post<Citation>(`/api/knowledge/articles/${id}/citations`, { context, ref }),
  keep: (id: number, note: string) => http.put<void>(`/api/knowledge/articles/${id}/favourite`, { note }),
  drop: (id: number) => http.delete<void>(`/api/knowledge/articles/${id}/favourite`),
  favourites: () =>
    http.get<{ articleId: number; title: string; state: ArticleState; note: string; updatedAt: string }[]>(
      '/api/knowledge/favourites',
    ),
  ask: (question: string, limit = 3) => http.post<AssistantReply>('/api/knowledge/assistant', { question, limit }),
  judge: (question: string, helpful: boolean) =>
    http.post<AssistantFeedback>('/api/knowledge/assistant/feedback', { question, helpful }),
  feedbackSummary: (days = 30) =>
    http.get<AssistantFeedbackSummary>(`/api/knowledge/assistant/feedback/summary?days=${days}`),
  feedback: (p: { answered?: boolean; helpful?: boolean; page?: number }) =>
    http.get<PageResult<AssistantFeedback>>(`/api/knowledge/assistant/feedback${query({ ...p })}`),
  questions: (box: 'inbox' | 'mine' | 'all', state?: string, page = 1) =>
    http.get<PageResult<QuestionView>>(`/api/knowledge/questions${query({ box, state, page })}`),
  askUnit: (question: string, detail: string, unitId?: number | null) =>
    http.post<QuestionView>('/api/knowledge/questions', { question, detail, unitId }),
  answer: (id: number, answer: string) => http.post<QuestionView>(`/api/knowledge/questions/${id}/answer`, { answer }),
  toArticle: (id: number, categoryId: number) =>
    http.post<QuestionView>(`/api/knowledge/questions/${id}/to-article`, { categoryId }),
  synonyms: () => http.get<SynonymGroup[]>('/api/knowledge/synonyms'),
  saveSynonym: (id: number | null, terms: string[]) =>
    id ? http.put<SynonymGroup>(`/api/knowledge/synonyms/${id}`, { terms }) : http.post<SynonymGroup>('/api/knowledge/synonyms', { terms }),
  deleteSynonym: (id: number) => http.delete<void>(`/api/knowledge/synonyms/${id}`),
  misses: (handled: boolean, page = 1) =>
    http.get<PageResult<Miss>>(`/api/knowledge/misses?handled=${handled}&page=${page}`),
  handleMiss: (id: number, note: string, articleId?: number | null) =>
    http.post<void>(`/api/knowledge/misses/${id}/handle`, { note, articleId }),
  templates: () => http.get<Template[]>('/api/knowledge/templates'),
  expiring: (days = 30) =>
    http.get<{ id: number; title: string; expiresOn: string; reminded: string | null }[]>(
      `/api/knowledge/expiring?days=${days}`,
    ),
  upload: (url: string, file: File, options?: RequestOptions) => {
    const form = new FormData()
    form.append('file', file)
    return http.post<unknown>(url, form, options)
  },
}

/** Categories as a tree for el-tree / el-tree-select. */
export interface CategoryNode extends Category {
  children: CategoryNode[]
}

export function categoryTree(list: Category[]): CategoryNode[] {
  const byId = new Map<number, CategoryNode>()
  list.forEach((c) => byId.set(c.id, { ...c, children: [] }))
  const roots: CategoryNode[] = []
  byId.forEach((node) => {
    const parent = node.parentId ? byId.get(node.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  })
  return roots
}
