import { checkingLine } from './bulk.ts'
import { useT } from './i18n.tsx'

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
  const t = useT()
  const first = names.slice(0, shown).join(', ')
  return (
    <>
      {pending && checking.length > 0 && (
        <p role="status" className="alert alert-warn">
          {checkingLine(checking)}
        </p>
      )}
      <p className="muted">
        {names.length > shown
          ? t('ui.bulk.andMore', { names: first, count: names.length - shown })
          : first}
      </p>
    </>
  )
}
