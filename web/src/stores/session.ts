import { defineStore } from 'pinia'
import type { RouteLocationNormalized } from 'vue-router'
import { ApiError, http } from '../api/http'

// Who is logged in, with the roles, permissions and menu that GET /api/auth/me answers. The menu decides
// which screens a user may open: the route guard (router/index.ts) asks canVisit().

export interface MenuEntry {
  group: string
  key: string
  title: string
  path: string
  permission: string | null
  order: number
}

export interface Me {
  id: number
  username: string
  displayName: string
  orgNodeId: number
  roles: { code: string; label: string }[]
  permissions: string[]
  menu: MenuEntry[]
}

/** The password step's answer when a second factor follows (POST /api/auth/login). */
export interface SecondFactorNeeded {
  secondFactor: 'code' | 'enrol' | 'sms'
  enrolmentDue: boolean
  /** sms: where the code went (138****5678) and how long until another may be asked for */
  phoneHint?: string | null
  retryAfterSeconds?: number
}

export interface MenuGroup {
  group: string
  entries: MenuEntry[]
}

export const useSession = defineStore('session', {
  state: () => ({
    me: null as Me | null,
    orgName: '' as string,
    loaded: false,
  }),
  getters: {
    loggedIn: (s) => s.me !== null,
    /** The menu grouped by `group`, groups in the order of their first entry (the server sorts by `order`). */
    menuGroups: (s): MenuGroup[] => {
      const groups: MenuGroup[] = []
      for (const entry of s.me?.menu ?? []) {
        let g = groups.find((x) => x.group === entry.group)
        if (!g) groups.push((g = { group: entry.group, entries: [] }))
        g.entries.push(entry)
      }
      return groups
    },
    /** Where a user lands after login: an agent at the desk (坐席工作台), everyone else on 首页. */
    landing: (s): string =>
      s.me?.roles.some((r) => r.code === 'AGENT') && s.me.menu.some((m) => m.path === '/callcenter/desk')
        ? '/callcenter/desk'
        : '/home',
  },
  actions: {
    /** Asks the server who we are (once per page load); a 401 means nobody. */
    async load() {
      try {
        this.setMe(await http.get<Me>('/api/auth/me', { quiet: true }))
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 401) throw e
        this.me = null
      } finally {
        this.loaded = true
      }
    },
    /** The password step: logged in, or what the second step needs. */
    async login(username: string, password: string): Promise<SecondFactorNeeded | null> {
      // the login page shows the error
      const answer = await http.post<Me | SecondFactorNeeded>('/api/auth/login', { username, password }, { quiet: true })
      if ('secondFactor' in answer) return answer
      this.setMe(answer)
      this.loaded = true
      return null
    },
    /** Asks for another SMS code for the pending login; answers when the next one may be asked for. */
    async resendSms(): Promise<{ phoneHint: string; retryAfterSeconds: number }> {
      return http.post<{ phoneHint: string; retryAfterSeconds: number }>('/api/auth/second-factor/sms', null, {
        quiet: true,
      })
    },
    /** The second step: the authenticator's code, a recovery code or the code received by SMS. */
    async secondFactor(code: string) {
      this.setMe(await http.post<Me>('/api/auth/second-factor', { code }, { quiet: true }))
      this.loaded = true
    },
    async logout() {
      try {
        await http.post('/api/auth/logout')
      } finally {
        this.me = null
        this.orgName = ''
      }
    },
    /** Called when any request answers 401 (session ended or timed out). */
    forget() {
      this.me = null
      this.orgName = ''
    },
    setMe(me: Me) {
      this.me = me
      this.orgName = ''
      http
        .get<{ name: string }>(`/api/org/nodes/${me.orgNodeId}`, { quiet: true })
        .then((n) => (this.orgName = n.name))
        .catch(() => undefined)
    },
    can(permission: string): boolean {
      return this.me?.permissions.includes(permission) ?? false
    },
    hasRole(code: string): boolean {
      return this.me?.roles.some((r) => r.code === code) ?? false
    },
    /**
     * May the user open this route? Yes when the route says so (`meta.anyUser`, or `meta.permission` the user
     * holds), or when its path is a menu path of the user or lies below one (`/workorders/42` under `/workorders`).
     */
    canVisit(route: RouteLocationNormalized): boolean {
      if (!this.me) return false
      if (route.meta.anyUser) return true
      const permission = route.meta.permission as string | undefined
      if (permission && this.can(permission)) return true
      return this.me.menu.some((m) => route.path === m.path || route.path.startsWith(m.path + '/'))
    },
  },
})
