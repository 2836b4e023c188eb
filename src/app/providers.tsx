import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Direction } from 'radix-ui'
import type { ReactNode } from 'react'
import { useLanguage } from '../components/i18n.tsx'
import type { DemoControls } from '../demo/start-browser.ts'
import { isRightToLeft } from '../lib/i18n.ts'
import { DemoContext } from './demo-context.ts'
import { Toasts } from './toasts.tsx'

/**
 * Radix's menus, dialogs and tooltips take their direction from this, not from the page
 * (they set `dir` on what they render, "ltr" by default): in Arabic a menu reads and moves
 * (arrow keys) right to left too.
 */
function LanguageDirection({ children }: { children: ReactNode }) {
  const rtl = isRightToLeft(useLanguage())
  return <Direction.Provider dir={rtl ? 'rtl' : 'ltr'}>{children}</Direction.Provider>
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
        <LanguageDirection>
          {children}
          <Toasts />
        </LanguageDirection>
      </DemoContext>
    </QueryClientProvider>
  )
}
