import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { applicationQueries } from '../../api/runtime-manager/applications.ts'
import { applicationState } from '../../api/runtime-manager/application-status.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { paths } from '../../lib/paths.ts'
import { useConsole } from '../../components/console-context.tsx'
import { QuerySection } from '../../components/query-section.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { applicationPhaseStatus, applicationStatus } from '../../components/status-tones.ts'
import { Msg, useT } from '../../components/i18n.tsx'
import type { MessageKey } from '../../lib/i18n.ts'

/**
 * The applications deployed to a server group or cluster, one row each, with the overall
 * state and the status of its copy on every member (one column per member), so a server
 * that lags behind the others stands out. Polls fast while anything is moving.
 */
export function TargetApplications({
  target,
  none,
}: {
  target: { id: number; name: string; servers: readonly Server[] }
  /** "No applications are deployed to this server group…", in the kind's own words. */
  none: MessageKey
}) {
  const { scope } = useConsole()
  const t = useT()
  const apps = useQuery(applicationQueries.list(scope, { targetId: target.id }))
  const own = (apps.data?.items ?? []).filter((a) => a.target.id === target.id)
  return (
    <QuerySection
      headingId={`apps-of-${target.id}`}
      heading={t('targets.apps.title')}
      query={apps}
      loading={t('targets.apps.loading')}
      errorTitle={t('targets.apps.failed')}
      noun={[t('targets.apps.nounOne'), t('targets.apps.nounOther')]}
    >
      {apps.data && own.length === 0 && (
        <p className="muted">
          <Msg id={none} values={{ name: target.name }} />
        </p>
      )}
      {own.length > 0 && (
        // Widths from the content; many members scroll sideways in the card, and on a phone
        // each application stacks: its name, then each status labelled (styles.css).
        <div className="card-table-scroll">
          <table
            className="data compact stack-on-phone"
            aria-label={t('targets.apps.tableLabel', { name: target.name })}
          >
            <thead>
              <tr>
                <th scope="col">{t('targets.apps.application')}</th>
                <th scope="col">{t('targets.apps.overall')}</th>
                {target.servers.map((s) => (
                  <th key={s.id} scope="col" title={s.name}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {own.map((app) => {
                const overall = applicationPhaseStatus(applicationState(app))
                return (
                  <tr key={app.id}>
                    <th scope="row" className="text-normal" data-slot="title">
                      <Link to={paths.application(scope.envId, app.id)} title={app.name}>
                        {app.name}
                      </Link>
                    </th>
                    <td title={overall.detail} data-label={t('targets.apps.overall')}>
                      <StatusBadge label={overall.label} tone={overall.tone} />
                    </td>
                    {target.servers.map((s) => {
                      const copy = app.serverArtifacts?.find((c) => c.serverId === s.id)
                      if (!copy)
                        return (
                          <td key={s.id} className="muted" data-label={s.name}>
                            {t('targets.apps.notDeployed')}
                          </td>
                        )
                      const reported = applicationStatus(
                        copy.lastReportedStatus,
                        copy.desiredStatus,
                      )
                      // A server that is not running cannot move its copy: it waits, not "starts".
                      const status =
                        s.status !== 'RUNNING' && reported.tone === 'progress'
                          ? { label: t('targets.apps.waiting'), tone: 'neutral' as const }
                          : reported
                      return (
                        <td key={s.id} title={copy.message ?? undefined} data-label={s.name}>
                          <StatusBadge {...status} />
                        </td>
                      )
                    })}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </QuerySection>
  )
}
