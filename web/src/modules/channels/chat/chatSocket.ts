// The citizen's chat connection (/api/portal/chat/ws): JSON frames, stored-before-acked lines, resume after a
// reconnect. The chat id, its token, the last line number seen and the lines not yet acknowledged live in
// localStorage, so a reload or a dropped mobile connection picks the chat up where it was and resends what the
// server never confirmed (same clientId: counted once).
export interface ChatLine {
  seq: number
  sender: 'CITIZEN' | 'AGENT' | 'LEADER' | 'SYSTEM'
  author: string | null
  text: string
  clientId: string | null
  at: string
}
export interface Pending {
  clientId: string
  text: string
}
interface Saved {
  chatId: string
  token: string
  lastSeq: number
  pending: Pending[]
}
type Frame = Record<string, unknown> & { type: string }

const KEY = 'hotline-chat'

export function loadSaved(): Saved | null {
  try {
    const raw = localStorage.getItem(KEY)
    return raw ? (JSON.parse(raw) as Saved) : null
  } catch {
    return null
  }
}

export class ChatConnection {
  private ws: WebSocket | null = null
  private retry = 0
  private closedByUs = false
  saved: Saved | null = loadSaved()

  constructor(private readonly onFrame: (f: Frame) => void, private readonly onOpenChange: (open: boolean) => void) {}

  connect(first?: Frame) {
    this.closedByUs = false
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/portal/chat/ws`
    const ws = new WebSocket(url)
    this.ws = ws
    ws.onopen = () => {
      this.retry = 0
      this.onOpenChange(true)
      if (this.saved) {
        this.send({ type: 'resume', chatId: this.saved.chatId, token: this.saved.token, after: this.saved.lastSeq })
        for (const p of this.saved.pending) this.send({ type: 'send', clientId: p.clientId, text: p.text })
      } else if (first) {
        this.send(first)
      }
    }
    ws.onmessage = (e) => this.receive(JSON.parse(String(e.data)) as Frame)
    ws.onclose = () => {
      this.onOpenChange(false)
      if (!this.closedByUs && this.saved) {
        // back off up to 10 s; the chat resumes from the last line seen
        this.retry = Math.min(this.retry + 1, 5)
        setTimeout(() => this.connect(), this.retry * 2000)
      }
    }
  }

  private receive(f: Frame) {
    if (f.type === 'started') {
      this.saved = { chatId: String(f.chatId), token: String(f.token), lastSeq: 0, pending: [] }
    } else if (f.type === 'message' && this.saved) {
      this.saved.lastSeq = Math.max(this.saved.lastSeq, Number(f.seq))
    } else if (f.type === 'ack' && this.saved) {
      this.saved.pending = this.saved.pending.filter((p) => p.clientId !== f.clientId)
    } else if (f.type === 'error' && f.detail === '会话不存在或已失效') {
      this.forget()
    }
    this.store()
    this.onFrame(f)
  }

  say(text: string): Pending {
    const p = { clientId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, text }
    this.saved?.pending.push(p)
    this.store()
    this.send({ type: 'send', ...p })
    return p
  }

  send(frame: Frame) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame))
  }

  forget() {
    this.saved = null
    localStorage.removeItem(KEY)
  }

  close() {
    this.closedByUs = true
    this.ws?.close()
  }

  private store() {
    if (this.saved) localStorage.setItem(KEY, JSON.stringify(this.saved))
  }
}
