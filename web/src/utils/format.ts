// Small display helpers shared by the screens.

const pad = (n: number) => String(n).padStart(2, '0')

/** '2026-11-23 17:30:21' in the browser's time zone, or '—' for no value. */
export function formatTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** The reason to show for a failed request: the server's Chinese `detail` when there is one. */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'detail' in e && typeof (e as { detail: unknown }).detail === 'string') {
    return (e as { detail: string }).detail
  }
  return e instanceof Error ? e.message : '操作失败，请稍后重试'
}

/** The password rules of the default security policy, checked before the server checks them again. */
export function passwordProblem(password: string, username?: string, minLength = 10): string | null {
  if (!password || password.length < minLength) return `密码长度至少 ${minLength} 位`
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类'
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名'
  return null
}
