import { ref, shallowRef } from 'vue'
import type { PageResult } from '../api/http'
import { errorText } from '../utils/format'

/**
 * The state of a paged list screen: rows, total, page, size, loading, and the last error. `fetch(page, size)`
 * asks the server for one page; call `search()` after changing filters (back to page 1) and `reload()` after an
 * action on a row (same page). Bind `page`/`size` to el-pagination and call `reload` on change.
 */
export function usePagedList<T>(fetch: (page: number, size: number) => Promise<PageResult<T>>, initialSize = 20) {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const size = ref(initialSize)
  const loading = ref(false)
  const error = ref('')
  let ticket = 0

  async function reload() {
    const mine = ++ticket
    loading.value = true
    error.value = ''
    try {
      const result = await fetch(page.value, size.value)
      if (mine !== ticket) return // a newer search answered first
      items.value = result.items
      total.value = result.total
      if (result.items.length === 0 && result.total > 0 && page.value > 1) {
        page.value = Math.max(1, Math.ceil(result.total / size.value))
        await reload()
      }
    } catch (e) {
      if (mine !== ticket) return
      error.value = errorText(e)
      items.value = []
      total.value = 0
    } finally {
      if (mine === ticket) loading.value = false
    }
  }

  function search() {
    page.value = 1
    return reload()
  }

  return { items, total, page, size, loading, error, reload, search }
}
