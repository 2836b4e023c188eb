import { Toaster } from 'sonner'
// The stylesheet as a file: sonner's own run-time <style> injection breaks the CSP (see vite.config.ts).
import 'sonner/dist/styles.css'
import { useLanguage, useT } from '../components/i18n.tsx'
import { isRightToLeft } from '../lib/i18n.ts'
import { useThemeChoice } from './theme.ts'

/**
 * The toasts' place, at the end of the line and mirrored in Arabic: opposite the demo
 * panel (styles.css), which sits at its start. Loaded by `Toasts` (toasts.tsx) when first
 * needed, with sonner and its stylesheet.
 */
export function ThemedToaster() {
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
