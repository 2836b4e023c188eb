import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { lingui } from '@lingui/vite-plugin'

export default defineConfig({
  plugins: [react(), lingui({ failOnCompileError: true })],
  define: { __CONSOLE_MODE__: JSON.stringify('demo') },
  test: {
    environment: 'jsdom',
    // server/ and scripts/ tests say `@vitest-environment node` at their top.
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['src/test/browser-shims.ts', 'src/test/setup.ts'],
    restoreMocks: true,
    // Tests check behaviour, not speed: on a loaded 2-core machine a test that starts
    // server processes or walks through retries with backoff can pass 5 s and still be right.
    testTimeout: 20_000,
  },
})
