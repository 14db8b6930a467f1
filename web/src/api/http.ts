// The one HTTP client of the UI: same-origin session cookie, CSRF token from the XSRF-TOKEN cookie sent as
// X-XSRF-TOKEN, JSON in and out, RFC 9457 problem bodies turned into ApiError with the Chinese `detail`.
//
// A failed request is shown here, once, as an error toast with the problem's `detail`; views do not toast errors
// themselves. A view that shows the error inline (a form's error line, an import report) passes `{ quiet: true }`
// and handles the ApiError. A 401 is never toasted: the user goes back to the login page instead.
import { ElMessage } from 'element-plus'

export class ApiError extends Error {
  constructor(
    public status: number,
    public detail: string,
    public problem: Record<string, unknown> = {},
  ) {
    super(detail)
  }
}

function csrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/)
  return match ? decodeURIComponent(match[1]) : undefined
}

let onUnauthenticated: () => void = () => {}
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler
}

export interface RequestOptions {
  /** The caller shows the error itself (inline): no global error toast. */
  quiet?: boolean
  /** Extra request headers (the citizen portal's X-Phone-Token). */
  headers?: Record<string, string>
}

function showError(error: ApiError) {
  // grouping: the same message from several requests at once shows as one toast with a counter
  ElMessage.error({ message: error.detail, grouping: true, showClose: true })
}

async function request<T>(method: string, url: string, body?: unknown, raw = false, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  const token = csrfToken()
  if (token) headers['X-XSRF-TOKEN'] = token
  if (options.headers) Object.assign(headers, options.headers)
  let payload: BodyInit | undefined
  if (body instanceof FormData) {
    payload = body
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  let res: Response
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' })
  } catch {
    const offline = new ApiError(0, '无法连接服务器，请检查网络后重试')
    if (!options.quiet) showError(offline)
    throw offline
  }
  if (!res.ok) {
    let problem: Record<string, unknown> = {}
    try {
      problem = await res.json()
    } catch {
      /* not JSON */
    }
    if (res.status === 401 && !url.endsWith('/api/auth/login')) onUnauthenticated()
    const error = new ApiError(res.status, (problem.detail as string) || `请求失败（${res.status}）`, problem)
    if (!options.quiet && res.status !== 401) showError(error)
    throw error
  }
  if (raw) return res as unknown as T
  if (res.status === 204) return undefined as T
  const type = res.headers.get('Content-Type') || ''
  return (type.includes('json') ? await res.json() : await res.text()) as T
}

export const http = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, undefined, false, options),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('POST', url, body, false, options),
  put: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', url, body, false, options),
  delete: <T>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, false, options),
  /** Downloads a file answer (Excel exports) and saves it under its server-given name. */
  async download(url: string, fallbackName: string) {
    const res = await request<Response>('GET', url, undefined, true)
    const disposition = res.headers.get('Content-Disposition') || ''
    const match = disposition.match(/filename\*=UTF-8''([^;]+)/)
    const name = match ? decodeURIComponent(match[1]) : fallbackName
    const blob = await res.blob()
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = name
    a.click()
    URL.revokeObjectURL(a.href)
  },
}

/**
 * A query string from a filter object: empty strings, null and undefined are left out, arrays repeat the key
 * (`kind=UNIT&kind=CENTER`), dates are sent as ISO-8601. Answers '' or '?a=1&b=2'.
 */
export function toQuery(params: Record<string, unknown>): string {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === null || v === '') continue
      q.append(key, v instanceof Date ? v.toISOString() : String(v))
    }
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

export interface PageResult<T> {
  items: T[]
  total: number
  page: number
  size: number
}
