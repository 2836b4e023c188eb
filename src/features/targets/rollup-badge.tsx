import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { memberRollup } from '../../api/runtime-manager/target-rules.ts'
import { StatusBadge } from '../../components/status-badge.tsx'
import { useT } from '../../components/i18n.tsx'

/** The health of a group or cluster in one badge: "2 of 3 running", coloured by how many. */
export function RollupBadge({ servers }: { servers: readonly Pick<Server, 'status'>[] }) {
  const t = useT()
  const rollup = memberRollup(servers)
  const tone =
    rollup.total === 0
      ? 'neutral'
      : rollup.running === rollup.total
        ? 'ok'
        : rollup.running === 0
          ? 'danger'
          : 'warn'
  const label =
    rollup.total === 0
      ? t('targets.rollup.none')
      : t('targets.rollup.running', { running: rollup.running, total: rollup.total })
  return <StatusBadge label={label} tone={tone} />
}
