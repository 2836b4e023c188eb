import { http, HttpResponse } from 'msw'
import type { DemoBackend } from '../backend.ts'
import type { DemoDb } from '../db.ts'
import { guardHybrid } from '../guard.ts'
import { toHex } from '../web-crypto.ts'
import type { ServerRow } from '../model.ts'
import type { DemoScope } from '../scopes.ts'
import { hybridError, hybridJson, intParam, noContent, type Checked } from '../responses.ts'

const BASE = '*/hybrid/api/v1'

function registrationTokenFor(orgId: string, envId: string): string {
  const random = toHex(crypto.getRandomValues(new Uint8Array(16)))
  return `${orgId}---${envId}---${random}`
}

/**
 * The server the path names, once the guard lets `scope` through: one of the caller's
 * environment, else the 404 to answer (as for an id that is not a number).
 */
function guardedServer(
  db: DemoDb,
  request: Request,
  scope: DemoScope,
  param: string | readonly string[] | undefined,
): Checked<ServerRow> {
  const guard = guardHybrid(db, request, scope)
  if (!guard.ok) return guard
  const row = db.servers.get(intParam(param))
  if (row?.envId !== guard.value.env.id)
    return { ok: false, response: hybridError(404, `Server ${String(param)} was not found.`) }
  return { ok: true, value: row }
}

/** Servers: list, detail, unregister and the registration token. */
export function serverHandlers(backend: DemoBackend) {
  return [
    // Before `/servers/:id`, which would otherwise match "registrationToken".
    http.get(`${BASE}/servers/registrationToken`, ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'manageServers')
      if (!guard.ok) return guard.response
      const token = registrationTokenFor(db.organization.id, guard.value.env.id)
      db.registrationTokens.set(guard.value.env.id, token)
      return HttpResponse.json({ data: token })
    }),

    http.get(`${BASE}/servers`, ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const envId = guard.value.env.id
      const data = db.servers
        .all()
        .filter((s) => s.envId === envId)
        .map((s) => db.serverView(s))
      return hybridJson(request, { data }, backend.etags)
    }),

    http.get(`${BASE}/servers/:id`, ({ request, params }) => {
      const db = backend.db
      const server = guardedServer(db, request, 'readServers', params.id)
      if (!server.ok) return server.response
      const row = server.value
      return hybridJson(request, { data: db.serverView(row) }, backend.etags)
    }),

    http.delete(`${BASE}/servers/:id`, ({ request, params }) => {
      const db = backend.db
      const server = guardedServer(db, request, 'manageServers', params.id)
      if (!server.ok) return server.response
      const row = server.value
      const member = db.membershipOf(row.id)
      if (member?.group) {
        return hybridError(
          400,
          `Server '${row.name}' belongs to server group '${member.group.name}'. Remove it from the group before unregistering it.`,
        )
      }
      if (member?.cluster) {
        return hybridError(
          400,
          `Server '${row.name}' belongs to cluster '${member.cluster.name}'. Remove it from the cluster before unregistering it.`,
        )
      }
      // Applications deployed to this server alone go with it (choice, ADR 005).
      for (const app of db.applications.all())
        if (app.targetId === row.id) db.applications.delete(app.id)
      db.servers.delete(row.id)
      db.changed()
      return noContent()
    }),
  ]
}
