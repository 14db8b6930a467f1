import { http, toQuery, type PageResult } from '../../api/http'

// Types and calls of the platform's own API (identity, organization, audit), used by this module's screens.

export type OrgNodeKind = 'PROVINCE' | 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'CENTER' | 'WORKSTATION' | 'UNIT'

export interface OrgNode {
  id: number
  parentId: number | null
  kind: OrgNodeKind
  code: string
  name: string
  path: string
  depth: number
  duties: string | null
  contactPerson: string | null
  contactPhone: string | null
  address: string | null
  enabled: boolean
  sortOrder: number
  version: number
}

export interface TreeNode {
  node: OrgNode
  children: TreeNode[]
}

export interface Account {
  id: number
  username: string
  displayName: string
  orgNodeId: number
  orgName: string
  phone: string | null
  email: string | null
  agentNo: string | null
  enabled: boolean
  locked: boolean
  lastLoginAt: string | null
  roles: string[]
  version: number
}

export interface RoleInfo {
  code: string
  label: string
  adminPower: boolean
  permissions: string[]
}

export interface PermissionInfo {
  code: string
  label: string
  reservedFor: string | null
}

export interface SecurityPolicy {
  minLength: number
  maxFailures: number
  lockMinutes: number
  idleMinutes: number
  adminIdleMinutes: number
  version: number
  maxLength: number
  expiryDays: number
  historyCount: number
  inactiveDays: number
  maxSessions: number
  adminNetworks: string
  firstLoginChange: boolean
}

export interface AuditRecord {
  id: number
  at: string
  actor: string | null
  sourceIp: string | null
  action: string
  target: string | null
  result: 'SUCCESS' | 'FAILURE'
  details: string | null
}

export const orgApi = {
  tree: (view: 'all' | 'region' | 'unit') => http.get<TreeNode[]>(`/api/org/tree?view=${view}`),
  search: (params: { q?: string; kind?: OrgNodeKind[]; enabled?: boolean; page: number; size: number }) =>
    http.get<PageResult<OrgNode>>(`/api/org/nodes${toQuery(params)}`),
  get: (id: number) => http.get<OrgNode>(`/api/org/nodes/${id}`),
  create: (body: Record<string, unknown>) => http.post<OrgNode>('/api/org/nodes', body),
  edit: (id: number, body: Record<string, unknown>) => http.put<OrgNode>(`/api/org/nodes/${id}`, body),
  setEnabled: (id: number, enabled: boolean) => http.post<void>(`/api/org/nodes/${id}/${enabled ? 'enable' : 'disable'}`),
  exportUnits: () => http.download('/api/org/units/export', '部门黄页.xlsx'),
  template: () => http.download('/api/org/units/import-template', '承办单位导入模板.xlsx'),
  importUnits: (file: File) => {
    const form = new FormData()
    form.append('file', file)
    return http.post<{ imported: number }>('/api/org/units/import', form, { quiet: true }) // row errors shown in a report
  },
}

export const accountApi = {
  search: (params: Record<string, unknown>) => http.get<PageResult<Account>>(`/api/accounts${toQuery(params)}`),
  get: (id: number) => http.get<Account>(`/api/accounts/${id}`),
  create: (body: Record<string, unknown>) => http.post<Account>('/api/accounts', body),
  edit: (id: number, body: Record<string, unknown>) => http.put<Account>(`/api/accounts/${id}`, body),
  setEnabled: (id: number, enabled: boolean) => http.post<void>(`/api/accounts/${id}/${enabled ? 'enable' : 'disable'}`),
  resetPassword: (id: number, password: string) => http.post<void>(`/api/accounts/${id}/reset-password`, { password }),
  unlock: (id: number) => http.post<void>(`/api/accounts/${id}/unlock`),
  endSessions: (id: number) => http.post<{ ended: number }>(`/api/accounts/${id}/end-sessions`),
  resetSecondFactor: (id: number) => http.post<void>(`/api/accounts/${id}/reset-second-factor`),
  grantRoles: (id: number, roles: string[], version: number) =>
    http.put<Account>(`/api/accounts/${id}/roles`, { roles, version }),
}

export const accessApi = {
  roles: () => http.get<RoleInfo[]>('/api/roles'),
  permissions: () => http.get<PermissionInfo[]>('/api/permissions'),
  setPermissions: (role: string, permissions: string[]) =>
    http.put<RoleInfo>(`/api/roles/${role}/permissions`, { permissions }),
  policy: () => http.get<SecurityPolicy>('/api/security/policy'),
  setPolicy: (p: SecurityPolicy) => http.put<SecurityPolicy>('/api/security/policy', p),
}

/** Who logs in with an SMS code (issue 19): whole roles and single accounts; never the three admin powers. */
export interface SmsFactorSettings {
  roles: string[]
  accounts: { accountId: number; username: string; displayName: string; phoneHint: string | null }[]
}

export const smsFactorApi = {
  get: () => http.get<SmsFactorSettings>('/api/security/sms-factor'),
  setRoles: (roles: string[]) => http.put<SmsFactorSettings>('/api/security/sms-factor/roles', { roles }),
  addAccount: (username: string) =>
    http.put<SmsFactorSettings>(`/api/security/sms-factor/accounts/${encodeURIComponent(username)}`),
  removeAccount: (username: string) =>
    http.delete<SmsFactorSettings>(`/api/security/sms-factor/accounts/${encodeURIComponent(username)}`),
}

export interface AuditFilter {
  from?: string
  to?: string
  actor?: string
  action?: string
  result?: string
  q?: string
}

export const auditApi = {
  search: (f: AuditFilter, page: number, size: number) =>
    http.get<PageResult<AuditRecord>>(`/api/audit${toQuery({ ...f, page, size })}`),
  export: (f: AuditFilter) => http.download(`/api/audit/export${toQuery({ ...f })}`, '审计日志.xlsx'),
  verify: () => http.get<ChainCheck>('/api/audit/verify'),
}

/** GET /api/audit/verify: the HMAC-SM3 chain recomputed over the archive and the live records. */
export interface ChainCheck {
  intact: boolean
  firstBroken: { id: number; reason: string } | null
  checked: number
  archived: number
  notCovered: number
}

/** A joint recovery request of an admin account (三权分立): one admin asks, the third power approves. */
export interface RecoveryRequest {
  id: number
  targetAccountId: number
  targetUsername: string
  targetPower: string
  requestedBy: string
  requesterPower: string
  reason: string
  requestedAt: string
  expiresAt: string
  status: 'PENDING' | 'APPROVED' | 'REJECTED'
  decidedBy: string | null
  decidedAt: string | null
  requesterHalfWaiting: boolean
}

export const recoveryApi = {
  recent: () => http.get<RecoveryRequest[]>('/api/admin-recoveries'),
  request: (username: string, reason: string) =>
    http.post<RecoveryRequest>('/api/admin-recoveries', { username, reason }),
  approve: (id: number) =>
    http.post<{ requestId: number; targetUsername: string; secondHalf: string; passwordExpiresAt: string }>(
      `/api/admin-recoveries/${id}/approve`,
    ),
  reject: (id: number) => http.post(`/api/admin-recoveries/${id}/reject`),
  requesterHalf: (id: number) => http.post<{ firstHalf: string }>(`/api/admin-recoveries/${id}/requester-half`),
}
