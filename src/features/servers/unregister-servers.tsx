import { useQueryClient } from '@tanstack/react-query'
import {
  serverQueries,
  unregisterServer,
  unregisterServerRequest,
} from '../../api/runtime-manager/servers.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import type { BulkDialogState } from '../../components/bulk-action-dialog.tsx'
import { BulkRemoveDialog } from '../../components/bulk-remove-dialog.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { useT } from '../../components/i18n.tsx'
import { membershipOf } from '../../api/runtime-manager/target-rules.ts'

/**
 * Unregisters several servers, one request each, and reports a result per server. The
 * list is refetched before the results show, so the table is true to the backend.
 */
export function BulkUnregisterDialog({
  servers,
  ...dialog
}: {
  servers: readonly Server[]
} & BulkDialogState) {
  const { scope } = useConsole()
  const t = useT()
  const queryClient = useQueryClient()
  const grouped = servers.filter((s) => membershipOf(s) !== null).length
  return (
    <BulkRemoveDialog
      items={servers}
      explain={t('servers.bulkUnregister.body')}
      describe={(s) => ({ id: String(s.id), label: s.name })}
      requestFor={(s) => unregisterServerRequest(scope, s.id, { name: s.name })}
      run={(s, options) => unregisterServer(scope, s.id, { name: s.name }, options)}
      refresh={() => queryClient.invalidateQueries({ queryKey: serverQueries.all(scope) })}
      messages={{
        confirmTitle: 'servers.bulkUnregister.title',
        confirmLabel: 'servers.bulkUnregister.confirm',
        typeToConfirm: 'servers.bulkUnregister.typed',
        resultsTitle: 'servers.bulkUnregister.results',
        summary: {
          all: 'servers.bulkUnregister.summaryAll',
          some: 'servers.bulkUnregister.summarySome',
        },
        succeeded: 'servers.bulkUnregister.succeeded',
      }}
      {...dialog}
    >
      {grouped > 0 && (
        <p className="alert alert-warn">
          {t('servers.bulkUnregister.grouped', { count: grouped })}
        </p>
      )}
    </BulkRemoveDialog>
  )
}
