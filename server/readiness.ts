/** `/readyz`: each configured upstream answers at all (any HTTP status counts as reachable). */
import type { FastifyInstance } from 'fastify'
import type { ServerConfig } from './config.ts'
import type { Family } from './contract.ts'
import { callUpstream } from './upstream-call.ts'

export function registerReadiness(app: FastifyInstance, config: ServerConfig) {
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
    return reply.code(ok ? 200 : 503).send({ ok, mode: config.mode, upstreams: checks })
  })
}
