import { Tooltip as RadixTooltip } from 'radix-ui'
import type { ReactElement, ReactNode } from 'react'

/**
 * The Radix tooltip behind `Tooltip` (tooltip.tsx), in its own module so that Radix's
 * tooltip and floating-ui load only where a tooltip is shown, not on the first visit.
 * Each tooltip has its own provider: none wraps the whole console any more.
 */
export function RadixTooltipView({
  content,
  children,
}: {
  content: ReactNode
  children: ReactElement
}) {
  return (
    <RadixTooltip.Provider delayDuration={250}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content
            className="tooltip"
            side="bottom"
            sideOffset={6}
            collisionPadding={8}
          >
            {content}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  )
}
