import type { UseQueryResult } from '@tanstack/react-query'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { RejectedRecords } from '../../components/rejected-records.tsx'
import { ServerPicker, type ServerPickerProps } from './server-picker.tsx'
import { LoadingState } from '../../components/states.tsx'
import { useT } from '../../components/i18n.tsx'

/**
 * A `ServerPicker` over the servers query: loading while it loads, the failure with a retry
 * when it cannot, then the picker (kept on a failed background refetch), with a note of
 * servers that could not be read (they cannot be picked).
 */
export function LoadedServerPicker({
  query,
  ...picker
}: Omit<ServerPickerProps, 'servers'> & { query: UseQueryResult<PartialList<Server>> }) {
  const t = useT()
  if (query.isPending) return <LoadingState label={t('targets.picker.loading')} />
  if (query.isError && !query.data)
    return (
      <ErrorPanel
        error={query.error}
        title={t('targets.picker.failed')}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    )
  return (
    <>
      <RejectedRecords
        rejected={query.data?.rejected}
        noun={[t('targets.membership.serverOne'), t('targets.membership.serverOther')]}
      />
      <ServerPicker {...picker} servers={query.data?.items ?? []} />
    </>
  )
}
