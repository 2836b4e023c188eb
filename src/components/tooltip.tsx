import { useEffect, useState, type ReactElement, type ReactNode } from 'react'
import { loadOnce } from '../lib/load-once.ts'

type View = typeof import('./radix-tooltip.tsx').RadixTooltipView

const code = loadOnce<View>(async () => (await import('./radix-tooltip.tsx')).RadixTooltipView)

/**
 * Loads the tooltip's code (Radix and floating-ui, about 20 kB gzip) ahead of need: the
 * signed-in shell calls it, so that a tooltip is whole from its first render there. The
 * sign-in page never loads it (docs/decisions/027-first-rows-at-fleet-scale.md). A failed
 * load is tried again by the next tooltip.
 */
export const preloadTooltip: () => Promise<View> = code.load

/**
 * A hover and focus tooltip around one focusable element. Until its code has loaded the
 * element shows alone (whoever needs the words also has them as a description, as the
 * denied button does), then with its tooltip.
 */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactElement }) {
  const [View, setView] = useState(() => code.loaded())
  useEffect(() => {
    if (View) return
    let current = true
    preloadTooltip().then(
      (view) => {
        if (current) setView(() => view)
      },
      // Without its tooltip the element still works; the next mount tries again.
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [View])
  if (!View) return children
  return <View content={content}>{children}</View>
}
