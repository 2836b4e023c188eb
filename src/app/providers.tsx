import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Direction, Tooltip } from 'radix-ui'
import type { ReactNode } from 'react'
import { Toaster } from 'sonner'
// The stylesheet as a file: sonner's own run-time <style> injection breaks the CSP (see vite.config.ts).
import 'sonner/dist/styles.css'
import { useLanguage, useT } from '../components/i18n.tsx'
import type { DemoControls } from '../demo/start-browser.ts'
import { isRightToLeft } from '../lib/i18n.ts'
import { DemoContext } from './demo-context.ts'
import { useThemeChoice } from './theme.ts'

// At the end of the line, mirrored in Arabic: opposite the demo panel (styles.css), which
// sits at its start.
function ThemedToaster() {
  const choice = useThemeChoice()
  const rtl = isRightToLeft(useLanguage())
  const t = useT()
  return (
    <Toaster
      theme={choice}
      containerAriaLabel={t('shell.toasts.label')}
      toastOptions={{ closeButtonAriaLabel: t('shell.toasts.close') }}
      position={rtl ? 'bottom-left' : 'bottom-right'}
      dir={rtl ? 'rtl' : 'ltr'}
      closeButton
    />
  )
}

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
          <Tooltip.Provider delayDuration={250}>
            {children}
            <ThemedToaster />
          </Tooltip.Provider>
        </LanguageDirection>
      </DemoContext>
    </QueryClientProvider>
  )
}
