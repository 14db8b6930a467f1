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
  'auth.logout': '退出登录',
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
