import { memberRollup, readVisibility } from '../../api/runtime-manager/target-rules.ts'
import { MAX_CLUSTER_SERVERS, type Cluster } from '../../api/runtime-manager/target-schemas.ts'
import { ApiText } from '../../components/api-text.tsx'
import { Field, TimeField } from '../../components/field.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { Card } from '../../components/card.tsx'
import { useT } from '../../components/i18n.tsx'

/** The primary node's name, or '' when none is reported. */
export function primaryName(cluster: Cluster): string {
  return cluster.servers.find((s) => s.id === cluster.primaryNodeId)?.name ?? ''
}

/** What a cluster's page shows above its members: its overview and who sees whom. */
export function ClusterSections({ cluster: c }: { cluster: Cluster }) {
  const t = useT()
  const rollup = memberRollup(c.servers)
  return (
    <div className="grid-2">
      <Card id="overview" title={t('targets.cluster.overview')}>
        <dl className="fields">
          <Field label={t('targets.cluster.id')}>{c.id}</Field>
          <Field label={t('targets.cluster.mode')}>
            {c.multicastEnabled
              ? t('targets.cluster.multicastMeaning')
              : t('targets.cluster.unicastMeaning')}
          </Field>
          <Field label={t('targets.cluster.primaryNode')}>
            {primaryName(c) || t('targets.cluster.noneReported')}
          </Field>
          <Field label={t('targets.list.servers')}>
            {t('targets.cluster.serversOfAtMost', {
              count: rollup.total,
              max: MAX_CLUSTER_SERVERS,
            })}
          </Field>
          <TimeField label={t('targets.list.created')} at={c.timeCreated} />
          <TimeField label={t('targets.cluster.lastUpdate')} at={c.timeUpdated} />
        </dl>
      </Card>
      <Visibility cluster={c} />
    </div>
  )
}

/** Which nodes see which: a node that sees fewer than all the others is split off. */
function Visibility({ cluster }: { cluster: Cluster }) {
  const t = useT()
  const visibility = readVisibility(cluster.visibilityMap)
  const nodes = cluster.servers
  const complete =
    visibility !== null &&
    nodes.every((a) => nodes.every((b) => a.id === b.id || visibility.get(a.id)?.has(b.id)))
  return (
    <Card id="visibility" title={t('targets.visibility.title')}>
      {visibility === null ? (
        <p className="muted">{t('targets.visibility.none')}</p>
      ) : (
        <>
          <p style={{ marginTop: 0 }} className={complete ? undefined : 'alert alert-warn'}>
            {complete ? t('targets.visibility.complete') : t('targets.visibility.split')}
          </p>
          <div style={{ overflowX: 'auto' }}>
            {/* On a phone each node stacks: its name, then what it sees of each other node. */}
            <table
              className="data compact stack-on-phone"
              aria-label={t('targets.visibility.tableLabel')}
            >
              <thead>
                <tr>
                  <th scope="col">{t('targets.visibility.node')}</th>
                  {nodes.map((n) => (
                    <th key={n.id} scope="col" title={n.name}>
                      <ApiText>{n.name}</ApiText>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {nodes.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" title={a.name} className="text-normal" data-slot="title">
                      <ApiText>{a.name}</ApiText>
                    </th>
                    {nodes.map((b) =>
                      a.id === b.id ? (
                        <td key={b.id} className="muted" data-self="">
                          —
                        </td>
                      ) : visibility.get(a.id)?.has(b.id) ? (
                        <td key={b.id} data-label={b.name}>
                          <StatusBadge label={t('targets.visibility.sees')} tone="ok" />
                        </td>
                      ) : (
                        <td key={b.id} data-label={b.name}>
                          <StatusBadge label={t('targets.visibility.doesNotSee')} tone="danger" />
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  )
}
