import { http, HttpResponse } from 'msw'
import * as z from 'zod/mini'
import {
  AddClusterServerBodySchema,
  CreateClusterBodySchema,
  CreateServerGroupBodySchema,
  type CreateClusterBody,
  type CreateServerGroupBody,
} from '../../api/runtime-manager/target-schemas.ts'
import type { DemoBackend } from '../backend.ts'
import type { Collection } from '../collection.ts'
import type { DemoDb } from '../db.ts'
import type { ClusterRow, GroupRow } from '../model.ts'
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

/**
 * What differs between the two kinds of multi-server target; their list, detail, create,
 * delete and remove-a-server endpoints are otherwise the same.
 */
interface TargetKind<Row extends { id: number; envId: string }, Body> {
  path: 'serverGroups' | 'clusters'
  label: 'Server group' | 'Cluster'
  rows(db: DemoDb): Collection<Row, number>
  view(db: DemoDb, row: Row): unknown
  createBody: z.ZodMiniType<Body>
  create(db: DemoDb, envId: string, body: Body): Outcome<Row>
  remove(db: DemoDb, envId: string, id: number): Outcome<unknown>
  removeServer(db: DemoDb, envId: string, id: number, serverId: number): Outcome<Row>
}

const GROUPS: TargetKind<GroupRow, CreateServerGroupBody> = {
  path: 'serverGroups',
  label: 'Server group',
  rows: (db) => db.groups,
  view: (db, row) => db.groupView(row),
  createBody: CreateServerGroupBodySchema,
  create: createGroup,
  remove: deleteGroup,
  removeServer: (db, envId, id, serverId) =>
    mapOutcome(removeServerFromGroup(db, envId, id, serverId), ({ group }) => group),
}

const CLUSTERS: TargetKind<ClusterRow, CreateClusterBody> = {
  path: 'clusters',
  label: 'Cluster',
  rows: (db) => db.clusters,
  view: (db, row) => db.clusterView(row),
  createBody: CreateClusterBodySchema,
  create: createCluster,
  remove: deleteCluster,
  removeServer: (db, envId, id, serverId) =>
    mapOutcome(removeServerFromCluster(db, envId, id, serverId), ({ cluster }) => cluster),
}

function mapOutcome<T, U>(outcome: Outcome<T>, map: (value: T) => U): Outcome<U> {
  return outcome.ok ? { ok: true, value: map(outcome.value) } : outcome
}

/** List, detail, create, delete and remove a server, for one kind of target. */
function kindHandlers<Row extends { id: number; envId: string }, Body>(
  backend: DemoBackend,
  kind: TargetKind<Row, Body>,
) {
  const base = `${BASE}/${kind.path}`
  return [
    http.get(base, ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const envId = guard.value.env.id
      return hybridJson(
        request,
        {
          data: kind
            .rows(db)
            .all()
            .filter((row) => row.envId === envId)
            .map((row) => kind.view(db, row)),
        },
        backend.etags,
      )
    }),

    http.get(`${base}/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const row = kind.rows(db).get(intParam(params.id))
      if (!row || row.envId !== guard.value.env.id)
        return hybridError(404, `${kind.label} ${String(params.id)} was not found.`)
      return hybridJson(request, { data: kind.view(db, row) }, backend.etags)
    }),

    http.post(base, async ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'manageServers')
      if (!guard.ok) return guard.response
      const body = await readJson(request, kind.createBody)
      if (!body.ok) return body.response
      return answer(kind.create(db, guard.value.env.id, body.value), (row) =>
        HttpResponse.json({ data: kind.view(db, row) }, { status: 201 }),
      )
    }),

    http.delete(`${base}/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'manageServers')
      if (!guard.ok) return guard.response
      const id = pathId(params.id, kind.label)
      if (!id.ok) return id.response
      return answer(kind.remove(db, guard.value.env.id, id.value), noContent)
    }),

    http.delete(`${base}/:id/servers/:serverId`, ({ request, params }) => {
      const db = backend.db
      const call = memberCall(backend, request, params, kind.label)
      if (!call.ok) return call.response
      const { envId, id, serverId } = call.value
      const outcome = kind.removeServer(db, envId, id, serverId)
      return answer(outcome, (row) => HttpResponse.json({ data: kind.view(db, row) }))
    }),
  ]
}

/**
 * Server groups and clusters: list, detail, create, delete, add and remove a server. Only
 * adding a server differs: a group names it in the path, a cluster in the body (with its IP).
 */
export function targetHandlers(backend: DemoBackend) {
  return [
    ...kindHandlers(backend, GROUPS),
    ...kindHandlers(backend, CLUSTERS),

    http.post(`${BASE}/serverGroups/:id/servers/:serverId`, ({ request, params }) => {
      const db = backend.db
      const call = memberCall(backend, request, params, 'Server group')
      if (!call.ok) return call.response
      const { envId, id, serverId } = call.value
      const outcome = addServerToGroup(db, envId, id, serverId)
      return answer(outcome, (row) => HttpResponse.json({ data: db.groupView(row) }))
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
  ]
}
