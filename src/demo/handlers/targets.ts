import { http, HttpResponse } from 'msw'
import type { DemoBackend } from '../backend.ts'
import { guardHybrid, hybridError, intParam } from './respond.ts'

const BASE = '*/hybrid/api/v1'

/** Server groups and clusters. */
export function targetHandlers(backend: DemoBackend) {
  return [
    http.get(`${BASE}/serverGroups`, ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const envId = guard.value.env.id
      return HttpResponse.json({
        data: db.groups
          .all()
          .filter((g) => g.envId === envId)
          .map((g) => db.groupView(g)),
      })
    }),

    http.get(`${BASE}/serverGroups/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const row = db.groups.get(intParam(params.id))
      if (!row || row.envId !== guard.value.env.id) {
        return hybridError(404, `Server group ${String(params.id)} was not found.`)
      }
      return HttpResponse.json({ data: db.groupView(row) })
    }),

    http.get(`${BASE}/clusters`, ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const envId = guard.value.env.id
      return HttpResponse.json({
        data: db.clusters
          .all()
          .filter((c) => c.envId === envId)
          .map((c) => db.clusterView(c)),
      })
    }),

    http.get(`${BASE}/clusters/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readServers')
      if (!guard.ok) return guard.response
      const row = db.clusters.get(intParam(params.id))
      if (!row || row.envId !== guard.value.env.id)
        return hybridError(404, `Cluster ${String(params.id)} was not found.`)
      return HttpResponse.json({ data: db.clusterView(row) })
    }),
  ]
}
