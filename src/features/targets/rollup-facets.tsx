import { useMemo } from 'react'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { rollupStatus, type RollupStatus } from '../../api/runtime-manager/target-rules.ts'
import { StatusFacets } from '../../components/list-toolbar.tsx'
import { useT } from '../../components/i18n.tsx'
import type { MessageKey } from '../../lib/i18n.ts'

const ROLLUP_FACETS: readonly RollupStatus[] = ['RUNNING', 'PARTIALLY_RUNNING', 'DISCONNECTED']

const ROLLUP_LABEL = {
  RUNNING: 'targets.rollup.allRunning',
  PARTIALLY_RUNNING: 'targets.rollup.someRunning',
  DISCONNECTED: 'targets.rollup.noneRunning',
} satisfies Record<RollupStatus, MessageKey>

/**
 * The "Members running" facets of a server group or cluster list (all, some or none of the
 * members running), counted over `targets`: the rows that match every filter but this one.
 */
export function RollupFacets({
  targets,
  active,
  onChange,
}: {
  targets: readonly { servers: readonly Pick<Server, 'status'>[] }[]
  active: readonly string[]
  onChange: (next: string[]) => void
}) {
  const t = useT()
  const counts = useMemo(() => {
    const map = new Map<string, number>()
    for (const target of targets) {
      const status = rollupStatus(target.servers)
      map.set(status, (map.get(status) ?? 0) + 1)
    }
    return map
  }, [targets])
  return (
    <StatusFacets
      label={t('targets.list.membersRunning')}
      facets={ROLLUP_FACETS}
      active={active}
      labelFor={(status) => t(ROLLUP_LABEL[status])}
      countFor={(status) => counts.get(status) ?? 0}
      onChange={onChange}
    />
  )
}
