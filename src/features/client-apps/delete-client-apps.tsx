import { useQueryClient } from '@tanstack/react-query'
import type { ClientAppSummary } from '../../api/app-store/client-app-schemas.ts'
import {
  clientAppQueries,
  deleteClientApp,
  deleteClientAppRequest,
} from '../../api/app-store/client-apps.ts'
import type { BulkDialogState } from '../../components/bulk-action-dialog.tsx'
import { BulkRemoveDialog } from '../../components/bulk-remove-dialog.tsx'
import { useT } from '../../components/i18n.tsx'

/**
 * Deletes several client applications, one request each, with a result per application.
 * One already gone (404) counts as deleted: what the operator asked for is true. The list
 * is refetched before the results show, so the table is true to the store.
 */
export function BulkDeleteClientAppsDialog({
  apps,
  ...dialog
}: {
  apps: readonly ClientAppSummary[]
} & BulkDialogState) {
  const t = useT()
  const queryClient = useQueryClient()
  return (
    <BulkRemoveDialog
      items={apps}
      explain={t('client-apps.delete.bulkExplain')}
      describe={(a) => ({ id: a.applicationId, label: a.name })}
      requestFor={(a) => deleteClientAppRequest(a.applicationId, { name: a.name })}
      run={async (a, options) => {
        await deleteClientApp(a.applicationId, { name: a.name }, options)
        queryClient.removeQueries({ queryKey: clientAppQueries.detail(a.applicationId).queryKey })
      }}
      refresh={() => queryClient.invalidateQueries({ queryKey: clientAppQueries.lists() })}
      messages={{
        confirmTitle: 'client-apps.delete.bulkTitle',
        confirmLabel: 'client-apps.delete.bulkConfirm',
        typeToConfirm: 'client-apps.delete.typed',
        resultsTitle: 'client-apps.delete.bulkResults',
        summary: { all: 'client-apps.delete.summaryAll', some: 'client-apps.delete.summarySome' },
        succeeded: 'client-apps.delete.bulkDone',
      }}
      {...dialog}
    />
  )
}
