import type { OrgNodeKind } from './api'

// Chinese names of the platform's codes (the server's enums), for tables, tags and filters.

export const KIND_LABELS: Record<OrgNodeKind, string> = {
  PROVINCE: '省',
  CITY: '市',
  DISTRICT: '区/县',
  STREET: '街道/乡镇',
  COMMUNITY: '社区/村',
  CENTER: '热线中心',
  WORKSTATION: '工作站',
  UNIT: '承办单位',
}

export const REGION_KINDS: OrgNodeKind[] = ['PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY']
export const ORGANIZATION_KINDS: OrgNodeKind[] = ['CENTER', 'WORKSTATION', 'UNIT']

/** Which kinds may sit directly under a node of this kind (mirrors OrgNodeKind.allowsChild on the server). */
export function childKinds(parent: OrgNodeKind): OrgNodeKind[] {
  switch (parent) {
    case 'PROVINCE':
      return ['CITY', 'UNIT']
    case 'CITY':
      return ['DISTRICT', 'CENTER', 'UNIT']
    case 'DISTRICT':
      return ['STREET', 'WORKSTATION', 'UNIT']
    case 'STREET':
      return ['COMMUNITY', 'UNIT']
    default:
      return ['UNIT']
  }
}

export const ROLE_LABELS: Record<string, string> = {
  AGENT: '话务员',
  TEAM_LEADER: '班长',
  DISPATCHER: '派单员',
  CALLBACK_AGENT: '回访员',
  SUPERVISOR: '督办专员',
  QC_INSPECTOR: '质检员',
  KB_EDITOR: '知识库采编',
  UNIT_HANDLER: '承办单位经办人',
  UNIT_LEADER: '承办单位领导',
  MANAGER: '热线业务主管',
  LEADER: '市领导',
  SYS_ADMIN: '系统管理员',
  SEC_ADMIN: '安全管理员',
  AUDIT_ADMIN: '审计管理员',
}
export const ADMIN_ROLES = ['SYS_ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN']

export const roleLabel = (code: string) => ROLE_LABELS[code] ?? code

/** Audit action codes (the server's AuditableEvent.action()); a filter by a prefix such as 'account.' is allowed. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.': '登录与会话（全部）',
  'auth.login': '登录成功',
  'auth.login-failed': '登录失败',
  'auth.lockout': '账号锁定',
  'auth.lock-expired': '锁定到期解除',
  'auth.throttled': '来源地址限流',
  'auth.logout': '退出登录',
  'auth.password-accepted': '密码正确，待双因素验证',
  'account.second-factor-enrolled': '绑定身份验证器',
  'account.second-factor-reset': '重置双因素认证',
  'account.second-factor-removed': '解绑身份验证器',
  'account.recovery-code-used': '使用恢复码登录',
  'audit.verified': '审计日志完整性校验',
  'account.': '账号（全部）',
  'account.created': '新建账号',
  'account.updated': '修改账号',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'account.password-reset': '重置密码',
  'account.password-changed': '修改本人密码',
  'account.unlocked': '解锁账号',
  'account.sessions-ended': '强制下线',
  'account.roles-granted': '授予角色',
  'account.refused': '越权操作被拒绝',
  'account.recovered': '管理员账号恢复',
  'org.': '组织机构（全部）',
  'org.created': '新增机构',
  'org.updated': '修改机构',
  'org.disabled': '停用机构',
  'org.enabled': '启用机构',
  'org.imported': '导入承办单位',
  'security.': '安全管理（全部）',
  'security.role-permissions': '修改角色权限',
  'security.security-policy': '修改安全策略',
}

export const actionLabel = (code: string) => ACTION_LABELS[code] ?? code

/** Names of the keys in an audit record's details (the server's AuditableEvent.details()). */
export const DETAIL_LABELS: Record<string, string> = {
  outcome: '结果',
  displayName: '姓名',
  orgNode: '所属机构',
  orgNodeBefore: '原所属机构',
  before: '变更前',
  after: '变更后',
  count: '数量',
  attempted: '尝试的操作',
  reason: '原因',
  by: '方式',
  expiresAt: '有效期至',
  failures: '失败次数',
  windowSeconds: '统计时长（秒）',
  retryAfterSeconds: '需等待（秒）',
}

/** Chinese for the coded values that appear in details: outcomes, refused actions, reasons. */
export const DETAIL_VALUE_LABELS: Record<string, string> = {
  success: '成功',
  'success-one-time': '成功（一次性密码，仅可修改密码）',
  'bad-credentials': '失败（密码错误）',
  'unknown-user': '失败（用户名不存在）',
  disabled: '失败（账号已停用）',
  locked: '失败（连续失败，账号已锁定）',
  'still-locked': '失败（账号锁定中）',
  'lock-expired': '锁定冷却期已过，自动解除',
  'one-time-expired': '失败（一次性密码已过期）',
  throttled: '拒绝（来源地址失败过多）',
  denied: '拒绝',
  'separation-of-powers': '三权分立',
  'recovery-command': '服务器上的恢复命令',
  'reset-password': '重置密码',
  disable: '停用账号',
  enable: '启用账号',
  unlock: '解锁账号',
  edit: '修改账号',
  'grant-roles': '授予角色',
  'end-sessions': '强制下线',
}

/** One audit record's details as a line a person reads: 结果：成功；姓名：张三. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${DETAIL_LABELS[k] ?? k}：${detailValue(v)}`)
    .join('；')
}

function detailValue(v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.map(detailValue).join('、') : '（无）'
  if (v !== null && typeof v === 'object') return JSON.stringify(v)
  const text = String(v)
  return DETAIL_VALUE_LABELS[text] ?? ROLE_LABELS[text] ?? text
}
