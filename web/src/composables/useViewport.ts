import { computed, ref } from 'vue'

// One shared, reactive window width: screens switch to a phone layout (cards, drawer menu) below 768 px.
const width = ref(typeof window === 'undefined' ? 1366 : window.innerWidth)
if (typeof window !== 'undefined') {
  window.addEventListener('resize', () => (width.value = window.innerWidth))
}

export function useViewport() {
  return { width, isMobile: computed(() => width.value < 768) }
}
