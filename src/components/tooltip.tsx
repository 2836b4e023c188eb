import { useEffect, useState, type ReactElement, type ReactNode } from 'react'

type View = typeof import('./radix-tooltip.tsx').RadixTooltipView

let loaded: View | null = null
let loading: Promise<View> | null = null

/**
 * Loads the tooltip's code (Radix and floating-ui, about 20 kB gzip) ahead of need: the
 * signed-in shell calls it, so that a tooltip is whole from its first render there. The
 * sign-in page never loads it (docs/decisions/027-first-rows-at-fleet-scale.md).
 */
export function preloadTooltip(): Promise<View> {
  loading ??= import('./radix-tooltip.tsx').then(
    (module) => (loaded = module.RadixTooltipView),
    (error: unknown) => {
      // Forgotten, so that the next tooltip tries again.
      loading = null
      throw error
    },
  )
  return loading
}

/**
 * A hover and focus tooltip around one focusable element. Until its code has loaded the
 * element shows alone (whoever needs the words also has them as a description, as the
 * denied button does), then with its tooltip.
 */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactElement }) {
  const [View, setView] = useState(() => loaded)
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
