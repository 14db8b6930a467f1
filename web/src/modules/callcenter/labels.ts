import type { AgentState, Strategy } from './api'

export const STATE_LABELS: Record<AgentState, string> = {
  SIGNED_OUT: '签出',
  READY: '示闲',
  NOT_READY: '示忙',
  RINGING: '振铃',
  TALKING: '通话',
  HELD: '保持',
  AFTER_CALL_WORK: '整理',
  BREAK: '小休',
}

/** One color per state, used by the phone bar, the seat wall tiles and its chart. */
export const STATE_COLORS: Record<AgentState, string> = {
  SIGNED_OUT: '#909399',
  READY: '#18a058',
  NOT_READY: '#d03050',
  RINGING: '#f0a020',
  TALKING: '#1769d1',
  HELD: '#8a5cd1',
  AFTER_CALL_WORK: '#2aa0b8',
  BREAK: '#c47a2c',
}

export const STATE_ORDER: AgentState[] = ['READY', 'RINGING', 'TALKING', 'HELD', 'AFTER_CALL_WORK', 'NOT_READY', 'BREAK', 'SIGNED_OUT']

export const BREAK_REASONS = ['就餐', '休息', '培训', '会议', '如厕', '其他']

export const STRATEGY_LABELS: Record<Strategy, string> = {
  LONGEST_IDLE: '最长空闲优先',
  SKILL_LEVEL: '技能等级优先',
  ROUND_ROBIN: '轮询',
  FEWEST_CALLS: '当日接听最少优先',
}

export const ABANDON_LABELS: Record<string, string> = { IVR: 'IVR 中放弃', QUEUE: '排队中放弃', RINGING: '振铃中放弃' }

export const SATISFACTION_LABELS: Record<number, string> = { 1: '满意', 2: '基本满意', 3: '不满意' }

export const DIRECTION_LABELS: Record<string, string> = { INBOUND: '呼入', OUTBOUND: '呼出' }

export function stateLabel(state: string | null | undefined): string {
  return (state && STATE_LABELS[state as AgentState]) || state || '—'
}

export function onCall(state: AgentState): boolean {
  return state === 'RINGING' || state === 'TALKING' || state === 'HELD'
}

/** 125 → '02:05', 3725 → '1:02:05'. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—'
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(sec).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/** Seconds since an ISO instant (for the time-in-state timers), never negative. */
export function secondsSince(since: string | null | undefined, now: number): number | null {
  if (!since || since === 'null') return null
  const t = Date.parse(since)
  return Number.isNaN(t) ? null : Math.max(0, (now - t) / 1000)
}
