import { StatusBadge } from '../../components/status-badge.tsx'
import { serverStatus } from '../../components/status-tones.ts'
import type { MemberColumn } from './target-kind.ts'

/** The members table's status column, as wide as the kind's other columns allow. */
export function statusColumn<T>(width: number): MemberColumn<T> {
  return {
    header: 'targets.members.status',
    width,
    cell: (s) => {
      const status = serverStatus(s.status)
      return <StatusBadge {...status} />
    },
  }
}
