import type { ReactElement, ReactNode } from 'react'
import { loadOnce } from '../lib/load-once.ts'
import { useLoaded } from './use-loaded.ts'

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
  // Without its tooltip the element still works; the next mount tries again.
  const View = useLoaded(code)
  if (!View) return children
  // oxlint-disable-next-line react/static-components -- one module's component, loaded once: the same function on every render
  return <View content={content}>{children}</View>
}
