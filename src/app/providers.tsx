import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Tooltip } from 'radix-ui'
import type { ReactNode } from 'react'
import { Toaster } from 'sonner'
// The stylesheet as a file: sonner's own run-time <style> injection breaks the CSP (see vite.config.ts).
import 'sonner/dist/styles.css'
import type { DemoControls } from '../demo/start-browser.ts'
import { DemoContext } from './demo-context.ts'
import { useThemeChoice } from './theme.ts'

function ThemedToaster() {
  const choice = useThemeChoice()
  return <Toaster theme={choice} position="bottom-right" closeButton />
}

export function Providers({
  queryClient,
  demo,
  children,
}: {
  queryClient: QueryClient
  demo: DemoControls | null
  children: ReactNode
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <DemoContext value={demo}>
        <Tooltip.Provider delayDuration={250}>
          {children}
          <ThemedToaster />
        </Tooltip.Provider>
      </DemoContext>
    </QueryClientProvider>
  )
}
