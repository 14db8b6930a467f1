// The one HTTP client of the UI: same-origin session cookie, CSRF token from the XSRF-TOKEN cookie sent as
// X-XSRF-TOKEN, JSON in and out, RFC 9457 problem bodies turned into ApiError with the Chinese `detail`.

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

async function request<T>(method: string, url: string, body?: unknown, raw = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  const token = csrfToken()
  if (token) headers['X-XSRF-TOKEN'] = token
  let payload: BodyInit | undefined
  if (body instanceof FormData) {
    payload = body
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' })
  if (!res.ok) {
    let problem: Record<string, unknown> = {}
    try {
      problem = await res.json()
    } catch {
      /* not JSON */
    }
    if (res.status === 401 && !url.endsWith('/api/auth/login')) onUnauthenticated()
    throw new ApiError(res.status, (problem.detail as string) || `请求失败（${res.status}）`, problem)
  }
  if (raw) return res as unknown as T
  if (res.status === 204) return undefined as T
  const type = res.headers.get('Content-Type') || ''
  return (type.includes('json') ? await res.json() : await res.text()) as T
}

export const http = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
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
