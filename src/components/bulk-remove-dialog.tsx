import type { ComponentProps, ReactNode } from 'react'
import { BulkActionDialog } from './bulk-action-dialog.tsx'

/**
 * The bulk dialog of an action that removes what is selected (deletes, unregisters):
 * `explain` says first what removing an item does; `children` add what only part of the
 * selection brings about (a warning).
 */
export function BulkRemoveDialog<T>({
  explain,
  children,
  ...dialog
}: Omit<ComponentProps<typeof BulkActionDialog<T>>, 'children'> & {
  explain: string
  children?: ReactNode
}) {
  return (
    <BulkActionDialog {...dialog}>
      <p style={{ marginTop: 0 }}>{explain}</p>
      {children}
    </BulkActionDialog>
  )
}
