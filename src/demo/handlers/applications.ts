import { http, HttpResponse } from 'msw'
import type { DemoBackend } from '../backend.ts'
import { guardHybrid, hybridError, intParam } from './respond.ts'

const BASE = '*/hybrid/api/v1'

/** Applications. */
export function applicationHandlers(backend: DemoBackend) {
  return [
    http.get(`${BASE}/applications`, ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readApplications')
      if (!guard.ok) return guard.response
      const envId = guard.value.env.id
      const targetParam = new URL(request.url).searchParams.get('targetId')
      let targetId: number | undefined
      if (targetParam !== null) {
        targetId = intParam(targetParam)
        if (Number.isNaN(targetId))
          return hybridError(400, `targetId must be a number, got '${targetParam}'.`)
      }
      const data = db.applications
        .all()
        .filter(
          (a) =>
            a.envId === envId &&
            (targetId === undefined ||
              a.targetId === targetId ||
              db.targetServerIds(a.targetId).includes(targetId)),
        )
        .map((a) => db.applicationView(a))
      return HttpResponse.json({ data })
    }),

    http.get(`${BASE}/applications/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readApplications')
      if (!guard.ok) return guard.response
      const row = db.applications.get(intParam(params.id))
      if (!row || row.envId !== guard.value.env.id) {
        return hybridError(404, `Application ${String(params.id)} was not found.`)
      }
      return HttpResponse.json({ data: db.applicationView(row) })
    }),
  ]
}
