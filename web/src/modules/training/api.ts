import { http } from '../../api/http'

// 培训考试 (server: training/internal/{questions,exams,learning}).

export interface Question {
  id: number
  category: string
  difficulty: number
  kind: string
  stem: string
  options: string[]
  answer: string
  analysis: string | null
}

export interface Paper {
  id: number
  name: string
  mode: string
  minutes: number
  passScore: number
}

export interface Exam {
  id: number
  paperId: number
  name: string
  opensAt: string
  closesAt: string
}

export interface MyExam {
  id: number
  name: string
  opensAt: string
  closesAt: string
  minutes: number
  sittingId: number | null
  status: string | null
  score: number | null
  passed: boolean | null
}

export interface SheetQuestion {
  questionId: number
  sort: number
  kind: string
  stem: string
  options: string[]
  points: number
  answer: string | null
  scored: number | null
  comment: string | null
}

export interface Sheet {
  id: number
  examId: number
  examName: string
  startedAt: string
  dueAt: string
  status: string
  autoSubmitted: boolean
  score: number | null
  passed: boolean | null
  questions: SheetQuestion[]
}

export interface Waiting {
  sittingId: number
  accountId: number
  examName: string
  questionId: number
  stem: string
  answer: string | null
  maxPoints: number
}

export interface Notice {
  id: number
  title: string
  body: string
  publishedAt: string
  dueAt: string
}

export interface MyNotice extends Notice {
  readAt: string | null
  confirmedAt: string | null
}

export interface NoticeStatus {
  notice: Notice
  agents: number
  confirmed: number
  confirmedInTime: number
  pending: { accountId: number; name: string; agentNo: string | null; readAt: string | null; overdue: boolean }[]
}

export interface MyMaterial {
  id: number
  title: string
  kind: string
  url: string | null
  knowledgeArticleId: number | null
  category: string
  seconds: number | null
  completed: boolean | null
}

export interface Figures {
  month: string
  sittings: number
  passed: number
  passRate: number
  agents: number
  trained: number
  coverage: number
  target: number
}

export interface TrainingSession {
  id: number
  title: string
  startsAt: string
  endsAt: string
  place: string | null
  trainer: string | null
  present: number
  absent: number
}

export interface PaperRuleForm {
  category: string
  kind: string
  difficulty: number | null
  count: number
  points: number
}

export interface RollEntry {
  accountId: number
  name: string
  agentNo: string | null
  status: string | null
}

export interface ImportProblem {
  row: number
  message: string
}

export const training = {
  questions: () => http.get<Question[]>('/api/training/questions'),
  addQuestion: (q: Omit<Question, 'id'>) => http.post<{ id: number }>('/api/training/questions', q),
  retire: (id: number) => http.delete<void>(`/api/training/questions/${id}`),
  importSheet: (file: File) => {
    const form = new FormData()
    form.append('file', file)
    return http.post<{ imported: number }>('/api/training/questions/import', form, { quiet: true })
  },
  template: () => http.download('/api/training/questions/import-template', '题库导入模板.xlsx'),
  papers: () => http.get<Paper[]>('/api/training/papers'),
  addPaper: (p: { name: string; mode: string; minutes: number; passScore: number; items?: { questionId: number; points: number }[]; rules?: PaperRuleForm[] }) =>
    http.post<{ id: number }>('/api/training/papers', p),
  exams: () => http.get<Exam[]>('/api/training/exams'),
  addExam: (e: { paperId: number; name: string; opensAt: string; closesAt: string }) => http.post<{ id: number }>('/api/training/exams', e),
  results: (id: number) => http.get<{ sittingId: number; accountId: number; status: string; score: number | null; passed: boolean | null }[]>(`/api/training/exams/${id}/results`),
  myExams: () => http.get<MyExam[]>('/api/training/my-exams'),
  start: (examId: number) => http.post<{ id: number }>(`/api/training/exams/${examId}/sittings`),
  sheet: (id: number) => http.get<Sheet>(`/api/training/sittings/${id}`),
  save: (id: number, answers: Record<number, string>) => http.put<void>(`/api/training/sittings/${id}/answers`, { answers }),
  submit: (id: number) => http.post<Sheet>(`/api/training/sittings/${id}/submit`),
  waiting: () => http.get<Waiting[]>('/api/training/grading'),
  grade: (sitting: number, question: number, points: number, comment: string) =>
    http.put<void>(`/api/training/sittings/${sitting}/questions/${question}/grade`, { points, comment }),
  notices: () => http.get<Notice[]>('/api/training/notices'),
  publish: (title: string, body: string) => http.post<{ id: number }>('/api/training/notices', { title, body }),
  noticeStatus: (id: number) => http.get<NoticeStatus>(`/api/training/notices/${id}/status`),
  myNotices: () => http.get<MyNotice[]>('/api/training/my-notices'),
  read: (id: number, confirm: boolean) => http.post<void>(`/api/training/notices/${id}/read?confirm=${confirm}`),
  materials: () => http.get<MyMaterial[]>('/api/training/materials'),
  addMaterial: (m: { title: string; kind: string; url?: string; category?: string }) => http.post<{ id: number }>('/api/training/materials', m),
  learn: (id: number, seconds: number, completed: boolean) => http.post<void>(`/api/training/materials/${id}/learning`, { seconds, completed }),
  sessions: () => http.get<TrainingSession[]>('/api/training/sessions'),
  addSession: (s: { title: string; startsAt: string; endsAt: string; place: string; trainer: string }) =>
    http.post<{ id: number }>('/api/training/sessions', s),
  roll: (id: number) => http.get<RollEntry[]>(`/api/training/sessions/${id}/attendance`),
  attend: (id: number, statuses: Record<number, string>) => http.put<void>(`/api/training/sessions/${id}/attendance`, { statuses }),
  figures: (month?: string) => http.get<Figures>(`/api/training/figures${month ? `?month=${month}` : ''}`),
}

export const KIND: Record<string, string> = { SINGLE: '单选', MULTIPLE: '多选', TRUE_FALSE: '判断', FILL: '填空', SHORT: '简答' }

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`
}
