import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The build lands in target/classes/static so that the Maven jar of this module carries the UI and the
// server serves it from its classpath. `npm run dev` proxies the API to a running server on :8080.
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/actuator': 'http://localhost:8080',
      '/v3': 'http://localhost:8080',
    },
  },
})
