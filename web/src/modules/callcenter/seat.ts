import { defineStore } from 'pinia'
import { ref, onBeforeUnmount } from 'vue'
import { ElNotification } from 'element-plus'
import { phoneBar, type AgentState, type Message, type SeatView } from './api'
import { STATE_LABELS } from './labels'

// The agent's own seat, shared by the phone bar (every page), the desk and the caller view. One EventSource on
// /api/callcenter/me/stream keeps it live: `seat` events (state; on ringing the caller) and `message` events.

export interface Ringing {
  callId: string
  caller: string
}

export const useSeat = defineStore('callcenter-seat', {
  state: () => ({
    seat: { state: 'SIGNED_OUT', reason: null, since: null, callId: null, caller: null } as SeatView,
    connected: false,
    /** The last call that rang here (the caller view shows it). */
    ringing: null as Ringing | null,
    /** Bumped whenever a new call rings, so the caller view pops up. */
    ringSerial: 0,
    messages: [] as Message[],
    messageSerial: 0,
  }),
  getters: {
    state: (s): AgentState => s.seat.state,
    label: (s): string => STATE_LABELS[s.seat.state] ?? s.seat.state,
    signedIn: (s): boolean => s.seat.state !== 'SIGNED_OUT',
  },
  actions: {
    apply(view: Partial<SeatView>) {
      // Stream events and HTTP answers may arrive in any order (a POST /state answered after the ringing event
      // it caused): an older view of the seat never replaces a newer one.
      if (view.version !== undefined && this.seat.version !== undefined && view.version < this.seat.version) return
      const next: SeatView = { ...this.seat, ...view }
      for (const key of ['reason', 'since', 'callId', 'caller'] as const) {
        if (next[key] === '' || next[key] === 'null') next[key] = null
      }
      next.stateLabel = STATE_LABELS[next.state] ?? next.stateLabel
      // Pops up on ringing; also when the first event seen for a call is already 通话 (auto-answer is quick, and
      // the server sends the seat as it is when the event is handled).
      const onCall = next.state === 'RINGING' || next.state === 'TALKING' || next.state === 'HELD'
      if (!onCall) next.consulting = null
      const rang = onCall && next.callId && next.caller && next.callId !== this.ringing?.callId
      this.seat = next
      if (rang) {
        this.ringing = { callId: next.callId!, caller: next.caller! }
        this.ringSerial++
      }
    },
    async refresh() {
      this.apply(await phoneBar.mine())
    },
    received(message: Message) {
      this.messages = [message, ...this.messages.filter((m) => m.id !== message.id)]
      this.messageSerial++
      ElNotification({ title: `内部消息 · ${message.fromName || '班长'}`, message: message.text, type: 'info', duration: 8000 })
    },
  },
})

let source: EventSource | null = null
let users = 0

/** Opens the desk stream while a component using it is mounted (the phone bar). */
export function useSeatStream() {
  const seat = useSeat()
  const error = ref(false)
  users++
  if (!source) {
    source = new EventSource('/api/callcenter/me/stream', { withCredentials: true })
    source.addEventListener('open', () => {
      seat.connected = true
      // A new stream (maybe a restarted server, whose versions start again): accept what it says first.
      seat.seat = { ...seat.seat, version: undefined }
      seat.refresh().catch(() => undefined)
    })
    source.addEventListener('error', () => (seat.connected = false))
    source.addEventListener('seat', (e) => {
      try {
        seat.apply(JSON.parse((e as MessageEvent).data))
      } catch {
        /* ignore a malformed event */
      }
    })
    source.addEventListener('message', (e) => {
      try {
        seat.received(JSON.parse((e as MessageEvent).data))
      } catch {
        /* ignore */
      }
    })
  }
  onBeforeUnmount(() => {
    users--
    if (users === 0 && source) {
      source.close()
      source = null
      seat.connected = false
    }
  })
  return { seat, error }
}

/** A clock ticking every second, for time-in-state timers. */
const now = ref(Date.now())
let ticker: number | undefined
let tickUsers = 0
export function useNow() {
  tickUsers++
  if (ticker === undefined) ticker = window.setInterval(() => (now.value = Date.now()), 1000)
  onBeforeUnmount(() => {
    tickUsers--
    if (tickUsers === 0 && ticker !== undefined) {
      window.clearInterval(ticker)
      ticker = undefined
    }
  })
  return now
}
