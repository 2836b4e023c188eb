import { http, HttpResponse } from 'msw'
import * as z from 'zod/mini'
import {
  AddClusterServerBodySchema,
  CreateClusterBodySchema,
  CreateServerGroupBodySchema,
} from '../../api/runtime-manager/target-schemas.ts'
import type { DemoBackend } from '../backend.ts'
import {
  addServerToCluster,
  addServerToGroup,
  createCluster,
  createGroup,
  deleteCluster,
  deleteGroup,
  removeServerFromCluster,
  removeServerFromGroup,
  type Outcome,
} from '../targets.ts'
import { guardHybrid } from '../guard.ts'
import { hybridError, hybridJson, intParam, noContent, type Checked } from '../responses.ts'

const BASE = '*/hybrid/api/v1'

/** What each body field should be, for errors a person can act on. */
const FIELD_HINTS: Record<string, string> = {
  name: 'a name (text)',
  serverIds: 'a list of server ids (numbers)',
  multicastEnabled: 'true or false',
  servers: 'a list of { serverId, serverIp }',
  serverId: 'a server id (number)',
  serverIp: 'an IP address (text)',
}

/** Reads a JSON body against a schema; a 400 naming the first wrong field otherwise. */
async function readJson<T>(request: Request, schema: z.ZodMiniType<T>): Promise<Checked<T>> {
  let json: unknown
  try {
    json = JSON.parse(await request.text())
  } catch {
    return { ok: false, response: hybridError(400, 'The request body must be JSON.') }
  }
  const parsed = z.safeParse(schema, json)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  const path = issue?.path.map(String) ?? []
  const field = [...path].reverse().find((p) => !/^\d+$/.test(p))
  const where = path.join('.')
  const hint = field ? FIELD_HINTS[field] : undefined
  return {
    ok: false,
    response: hybridError(
      400,
      where
        ? `Invalid body: '${where}' must be ${hint ?? 'given'}.`
        : 'Invalid body: expected a JSON object.',
    ),
  }
}

/** A numeric path id, or a 404 naming it when it is not a number (no id matches it). */
function pathId(value: string | readonly string[] | undefined, label: string): Checked<number> {
  const id = intParam(value)
  return Number.isNaN(id)
    ? { ok: false, response: hybridError(404, `${label} ${String(value)} was not found.`) }
    : { ok: true, value: id }
}

/**
 * What adding or removing one server of a group or cluster checks first: the Manage
 * Servers scope, the environment, and the target's and the server's ids in the path.
 */
function memberCall(
  backend: DemoBackend,
  request: Request,
  params: Record<string, string | readonly string[] | undefined>,
  label: 'Server group' | 'Cluster',
): Checked<{ envId: string; id: number; serverId: number }> {
  const guard = guardHybrid(backend.db, request, 'manageServers')
  if (!guard.ok) return guard
  const id = pathId(params.id, label)
  if (!id.ok) return id
  const serverId = pathId(params.serverId, 'Server')
  if (!serverId.ok) return serverId
  return { ok: true, value: { envId: guard.value.env.id, id: id.value, serverId: serverId.value } }
}

function answer<T>(outcome: Outcome<T>, ok: (value: T) => Response): Response {
  return outcome.ok ? ok(outcome.value) : hybridError(outcome.status, outcome.message)
}

/** Server groups and clusters: list, detail, create, delete, add and remove a server. */
export function targetHandlers(backend: DemoBackend) {
  return [
    http.get(`${BASE}/serverGroups`, ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const envId = guard.value.env.id
      return hybridJson(
        request,
        {
          data: db.groups
            .all()
            .filter((g) => g.envId === envId)
            .map((g) => db.groupView(g)),
        },
        backend.etags,
      )
    }),

    http.get(`${BASE}/serverGroups/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const row = db.groups.get(intParam(params.id))
      if (!row || row.envId !== guard.value.env.id) {
        return hybridError(404, `Server group ${String(params.id)} was not found.`)
      }
      return hybridJson(request, { data: db.groupView(row) }, backend.etags)
    }),

    http.post(`${BASE}/serverGroups`, async ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'manageServers')
      if (!guard.ok) return guard.response
      const body = await readJson(request, CreateServerGroupBodySchema)
      if (!body.ok) return body.response
      return answer(createGroup(db, guard.value.env.id, body.value), (row) =>
        HttpResponse.json({ data: db.groupView(row) }, { status: 201 }),
      )
    }),

    http.delete(`${BASE}/serverGroups/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'manageServers')
      if (!guard.ok) return guard.response
      const id = pathId(params.id, 'Server group')
      if (!id.ok) return id.response
      return answer(deleteGroup(db, guard.value.env.id, id.value), noContent)
    }),

    http.post(`${BASE}/serverGroups/:id/servers/:serverId`, ({ request, params }) => {
      const db = backend.db
      const call = memberCall(backend, request, params, 'Server group')
      if (!call.ok) return call.response
      const { envId, id, serverId } = call.value
      const outcome = addServerToGroup(db, envId, id, serverId)
      return answer(outcome, (row) => HttpResponse.json({ data: db.groupView(row) }))
    }),

    http.delete(`${BASE}/serverGroups/:id/servers/:serverId`, ({ request, params }) => {
      const db = backend.db
      const call = memberCall(backend, request, params, 'Server group')
      if (!call.ok) return call.response
      const { envId, id, serverId } = call.value
      const outcome = removeServerFromGroup(db, envId, id, serverId)
      return answer(outcome, ({ group }) => HttpResponse.json({ data: db.groupView(group) }))
    }),

    http.get(`${BASE}/clusters`, ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const envId = guard.value.env.id
      return hybridJson(
        request,
        {
          data: db.clusters
            .all()
            .filter((c) => c.envId === envId)
            .map((c) => db.clusterView(c)),
        },
        backend.etags,
      )
    }),

    http.get(`${BASE}/clusters/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const row = db.clusters.get(intParam(params.id))
      if (!row || row.envId !== guard.value.env.id)
        return hybridError(404, `Cluster ${String(params.id)} was not found.`)
      return hybridJson(request, { data: db.clusterView(row) }, backend.etags)
    }),

    http.post(`${BASE}/clusters`, async ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'manageServers')
      if (!guard.ok) return guard.response
      const body = await readJson(request, CreateClusterBodySchema)
      if (!body.ok) return body.response
      return answer(createCluster(db, guard.value.env.id, body.value), (row) =>
        HttpResponse.json({ data: db.clusterView(row) }, { status: 201 }),
      )
    }),

    http.delete(`${BASE}/clusters/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'manageServers')
      if (!guard.ok) return guard.response
      const id = pathId(params.id, 'Cluster')
      if (!id.ok) return id.response
      return answer(deleteCluster(db, guard.value.env.id, id.value), noContent)
    }),

    http.post(`${BASE}/clusters/:id/servers`, async ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'manageServers')
      if (!guard.ok) return guard.response
      const id = pathId(params.id, 'Cluster')
      if (!id.ok) return id.response
      const body = await readJson(request, AddClusterServerBodySchema)
      if (!body.ok) return body.response
      const outcome = addServerToCluster(db, guard.value.env.id, id.value, body.value)
      return answer(outcome, (row) => HttpResponse.json({ data: db.clusterView(row) }))
    }),

    http.delete(`${BASE}/clusters/:id/servers/:serverId`, ({ request, params }) => {
      const db = backend.db
      const call = memberCall(backend, request, params, 'Cluster')
      if (!call.ok) return call.response
      const { envId, id, serverId } = call.value
      const outcome = removeServerFromCluster(db, envId, id, serverId)
      return answer(outcome, ({ cluster }) => HttpResponse.json({ data: db.clusterView(cluster) }))
    }),
  ]
}
