// Chinese column names of the drill-down records (the server answers its fact columns).
export const RECORD_COLUMNS: Record<string, string> = {
  call_id: '通话编号',
  exclusion_reason: '申诉剔除理由',
  arrived_at: '来电时间',
  agent_id: '坐席',
  group_id: '技能组',
  queued_at: '排队时间',
  answered_at: '接听时间',
  ended_at: '结束时间',
  abandon_point: '放弃位置',
  satisfaction: '满意度',
  seconds: '秒数',
  state: '状态',
  started_at: '开始时间',
  order_id: '工单ID',
  number: '工单编号',
  channel: '渠道',
  appeal_type: '诉求类型',
  created_at: '受理时间',
  direct_reply_at: '直接答复时间',
  first_dispatched_at: '首次派单时间',
  closed_at: '办结时间',
  assignment_id: '派单ID',
  unit_id: '承办单位',
  role: '主/协办',
  assigned_at: '派单时间',
  sign_due_at: '签收时限',
  signed_at: '签收时间',
  handle_due_at: '办理时限',
  replied_at: '答复时间',
  at: '回访时间',
  resolved: '是否解决',
}

export const TIME_COLUMNS = new Set([
  'arrived_at', 'queued_at', 'answered_at', 'ended_at', 'started_at', 'created_at', 'direct_reply_at',
  'first_dispatched_at', 'closed_at', 'assigned_at', 'sign_due_at', 'signed_at', 'handle_due_at', 'replied_at', 'at',
])

// Codes in the records shown in Chinese, per column.
export const VALUE_LABELS: Record<string, Record<string, string>> = {
  channel: { PHONE: '电话', WECHAT: '微信公众号', WEB: '网站', APP: '移动APP', SMS: '短信', EMAIL: '邮件信件', PLATFORM: '其他平台转入' },
  appeal_type: { CONSULTATION: '咨询', HELP: '求助', COMPLAINT: '投诉', REPORT: '举报', SUGGESTION: '建议', PRAISE: '表扬', OTHER: '其他' },
  role: { MAIN: '主办', ASSIST: '协办', SUB: '协同' },
  abandon_point: { IVR: '语音导航', QUEUE: '排队', RINGING: '振铃' },
  satisfaction: { '1': '满意', '2': '基本满意', '3': '不满意', SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' },
  state: { READY: '示闲', NOT_READY: '示忙', RINGING: '振铃', TALKING: '通话', HELD: '保持', AFTER_CALL_WORK: '整理', BREAK: '小休', SIGNED_OUT: '签出' },
}
