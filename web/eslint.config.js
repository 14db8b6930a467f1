// ESLint (flat config): the recommended rules of ESLint, typescript-eslint and eslint-plugin-vue, nothing stricter,
// so that a finding means a likely bug. Formatting is not linted. `npm run lint` runs it; the Maven build runs it
// (and `npm run typecheck`) before `vite build`.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '../server/target/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // route views are named by their file (DeskView.vue); single-word names are fine for them
      'vue/multi-word-component-names': 'off',
      // `catch {}` and `_unused` arguments are deliberate
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
)
