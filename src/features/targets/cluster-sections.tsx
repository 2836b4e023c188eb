import { memberRollup, readVisibility } from '../../api/runtime-manager/target-rules.ts'
import { MAX_CLUSTER_SERVERS, type Cluster } from '../../api/runtime-manager/target-schemas.ts'
import { ApiText } from '../../components/api-text.tsx'
import { Field } from '../../components/field.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { formatDateTime, toEpochMs } from '../../lib/format.ts'
import { Card } from '../../components/card.tsx'

/** The primary node's name, or '' when none is reported. */
export function primaryName(cluster: Cluster): string {
  return cluster.servers.find((s) => s.id === cluster.primaryNodeId)?.name ?? ''
}

/** What a cluster's page shows above its members: its overview and who sees whom. */
export function ClusterSections({ cluster: c }: { cluster: Cluster }) {
  const rollup = memberRollup(c.servers)
  return (
    <div className="grid-2">
      <Card id="overview" title="Overview">
        <dl className="fields">
          <Field label="ID">{c.id}</Field>
          <Field label="Mode">
            {c.multicastEnabled
              ? 'Multicast: nodes discover each other'
              : 'Unicast: nodes know each other’s IP addresses'}
          </Field>
          <Field label="Primary node">{primaryName(c) || 'None reported'}</Field>
          <Field label="Servers">
            {rollup.total} of at most {MAX_CLUSTER_SERVERS}
          </Field>
          <Field label="Created">{formatDateTime(toEpochMs(c.timeCreated))}</Field>
          <Field label="Last update">{formatDateTime(toEpochMs(c.timeUpdated))}</Field>
        </dl>
      </Card>
      <Visibility cluster={c} />
    </div>
  )
}

/** Which nodes see which: a node that sees fewer than all the others is split off. */
function Visibility({ cluster }: { cluster: Cluster }) {
  const visibility = readVisibility(cluster.visibilityMap)
  const nodes = cluster.servers
  const complete =
    visibility !== null &&
    nodes.every((a) => nodes.every((b) => a.id === b.id || visibility.get(a.id)?.has(b.id)))
  return (
    <Card id="visibility" title="Visibility">
      {visibility === null ? (
        <p className="muted">The cluster reports no visibility map.</p>
      ) : (
        <>
          <p style={{ marginTop: 0 }} className={complete ? undefined : 'alert alert-warn'}>
            {complete
              ? 'Every node sees every other node.'
              : 'Some nodes do not see each other: they cannot share state until they reconnect.'}
          </p>
          <div style={{ overflowX: 'auto' }}>
            <table className="data compact" aria-label="Which nodes see each other">
              <thead>
                <tr>
                  <th scope="col">Node</th>
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
                    <th scope="row" title={a.name} className="text-normal">
                      <ApiText>{a.name}</ApiText>
                    </th>
                    {nodes.map((b) =>
                      a.id === b.id ? (
                        <td key={b.id} className="muted">
                          —
                        </td>
                      ) : visibility.get(a.id)?.has(b.id) ? (
                        <td key={b.id}>
                          <StatusBadge label="Sees" tone="ok" />
                        </td>
                      ) : (
                        <td key={b.id}>
                          <StatusBadge label="Does not see" tone="danger" />
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
