// Chinese labels of the API's upper-case codes, and small formatting helpers shared by the screens.
export const channels: Record<string, string> = {
  PHONE: '电话', WECHAT: '微信公众号', WEB: '网站', APP: '移动APP', SMS: '短信', EMAIL: '邮件信件', PLATFORM: '其他平台转入',
}
export const appealTypes: Record<string, string> = {
  CONSULTATION: '咨询', HELP: '求助', COMPLAINT: '投诉', REPORT: '举报', SUGGESTION: '建议', PRAISE: '表扬', OTHER: '其他',
}
export const urgencies: Record<string, string> = { NORMAL: '一般', URGENT: '紧急', EMERGENCY: '突发' }
export const orderStates: Record<string, string> = {
  PENDING_REVIEW: '待审核', PENDING_DISPATCH: '待派单', HANDLING: '办理中', REPLY_REVIEW: '答复待审核',
  PENDING_CALLBACK: '待回访', CLOSED: '已办结', WITHDRAWN: '已撤单', MERGED: '已合并', FORWARDED: '已转外部平台',
}
export const platforms: Record<string, string> = { PROVINCE: '省12345平台', POLICE_110: '110联动平台', OTHER_CITY: '其他城市12345' }
export const limitUnits: Record<string, string> = { MINUTES: '分钟', HOURS: '小时', NATURAL_DAYS: '自然日', WORKING_DAYS: '工作日', WORKING_HOURS: '工作小时' }
export const stages: Record<string, string> = { DISPATCH: '派单', SIGN: '签收', HANDLE: '办理', CALLBACK: '回访' }
/** What each timeline step was (the `action` of a timeline entry). */
export const stepNames: Record<string, string> = {
  created: '受理', 'sent-for-review': '送审核', 'review-approved': '审核通过', 'direct-reply': '直接答复', forwarded: '转外部平台',
  dispatched: '派单', 'auto-dispatched': '自动派单', 'auto-dispatch-undone': '撤回自动派单', collaboration: '协同派单', redispatched: '二次派单', signed: '签收', 'return-requested': '申请退回',
  'return-approved': '同意退回', 'return-rejected': '驳回退回', 'extension-requested': '申请延期', 'extension-approved': '同意延期',
  'extension-rejected': '驳回延期', 'handed-over': '转交下级', replied: '答复', 'reply-accepted': '答复审核通过',
  'reply-rejected': '答复退回重办', callback: '回访', closed: '办结', reopened: '重办', difficult: '疑难', urged: '催单',
  supplemented: '补单', withdrawn: '撤单', supervised: '督办', 'supervision-due': '督办到期', 'attachment-added': '附件',
  merged: '合并', 'merged-in': '并入', 'light-yellow': '黄灯', 'light-red': '红灯',
  'appeal-submitted': '申诉', 'appeal-escalated': '申诉提交主管', 'appeal-upheld': '申诉成立', 'appeal-rejected': '申诉驳回',
  'special-flagged': '特殊工单', 'special-reviewed': '特殊单审核', verified: '核实',
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** "剩 2天3小时" or "超时 5小时" relative to now. */
export function countdown(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return ''
  let ms = new Date(iso).getTime() - now
  const late = ms < 0
  ms = Math.abs(ms)
  const days = Math.floor(ms / 86_400_000)
  const hours = Math.floor((ms % 86_400_000) / 3_600_000)
  const minutes = Math.floor((ms % 3_600_000) / 60_000)
  const text = days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${minutes}分` : `${minutes}分钟`
  return late ? `超时 ${text}` : `剩 ${text}`
}

export function newKey(): string {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`
}
