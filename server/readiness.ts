/** `/readyz`: each configured upstream answers at all (any HTTP status counts as reachable). */
import type { FastifyInstance } from 'fastify'
import type { AuditStore } from './audit/store.ts'
import type { ServerConfig } from './config.ts'
import type { Family } from './contract.ts'
import { callUpstream } from './upstream-call.ts'

/**
 * The audit trail's health is reported beside the upstreams (failed writes, queue) but does
 * not make the instance unready: a broken audit file must not take the console away from
 * operators in an incident; it is logged and counted, and monitoring reads it here.
 */
export function registerReadiness(app: FastifyInstance, config: ServerConfig, audit?: AuditStore) {
  app.get('/readyz', async (_request, reply) => {
    const checks: Partial<Record<Family, { ok: boolean; status?: number; message?: string }>> = {}
    const entries = Object.entries(config.upstreams).filter(
      (entry): entry is [Family, string] => typeof entry[1] === 'string',
    )
    await Promise.all(
      entries.map(async ([family, base]) => {
        try {
          const answer = await callUpstream(`${base}/`, {
            method: 'HEAD',
            timeoutMs: Math.min(config.upstreamTimeoutMs, 5000),
            insecure: config.proxyInsecure,
          })
          checks[family] = { ok: true, status: answer.status }
        } catch (error) {
          checks[family] = {
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          }
        }
      }),
    )
    const ok = Object.values(checks).every((c) => c?.ok)
    reply.header('cache-control', 'no-store')
    return reply.code(ok ? 200 : 503).send({
      ok,
      mode: config.mode,
      upstreams: checks,
      ...(audit ? { audit: audit.health() } : {}),
    })
  })
}
