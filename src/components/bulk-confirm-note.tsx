import { checkingLine } from './bulk.ts'
import { ApiList } from './i18n.tsx'

/**
 * The foot of a bulk confirmation: while it runs, the items whose answer was lost and are
 * being read back; then the first `shown` names of the selection, "and N more" after them.
 */
export function BulkConfirmNote({
  pending,
  checking,
  names,
  shown,
}: {
  pending: boolean
  checking: readonly string[]
  names: readonly string[]
  shown: number
}) {
  return (
    <>
      {pending && checking.length > 0 && (
        <p role="status" className="alert alert-warn">
          {checkingLine(checking)}
        </p>
      )}
      <p className="muted">
        <ApiList names={names} max={shown} />
      </p>
    </>
  )
}
