/**
 * An open-loop load generator for the server bench: requests start on a fixed schedule
 * (request i at start + i / rate, spread evenly over the second, whatever the answers do)
 * and each latency is measured from that scheduled start, not from when a socket was free.
 * A slow answer therefore shows up as the queue it causes for the requests scheduled after
 * it, once each, which is the honest treatment of coordinated omission. autocannon's fixed
 * rate is a per-connection quota per second (a burst at the start of every second) with a
 * 1 ms expected interval in its correction; see ADR 013, "Load budget".
 */
import { Pool } from 'undici'

export interface OpenLoopOptions {
  /** `http://host:port` of the side measured. */
  origin: string
  path: string
  /** Requests started per second. */
  rate: number
  seconds: number
  /** The headers of request i (e.g. the cookie of session i % sessions). */
  headers: (i: number) => Record<string, string>
  /** Keep-alive sockets to the side; a request that finds none free waits, and that wait counts. */
  connections?: number
}

export interface OpenLoopResult {
  /** Per answered request, ms from its scheduled start to the end of its answer. */
  latencies: number[]
  sent: number
  /** Errors, non-2xx answers and requests still unanswered 10 s after the last was due. */
  failed: number
  /** How late the generator itself started its most late request, ms (its own lag). */
  maxStartLag: number
}

/** Runs one open-loop load against one side and returns every latency. */
export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const pool = new Pool(options.origin, {
    connections: options.connections ?? 64,
    pipelining: 1,
  })
  const total = Math.round(options.rate * options.seconds)
  const interval = 1000 / options.rate
  const latencies: number[] = []
  let failed = 0
  let pending = 0
  let maxStartLag = 0
  let next = 0
  let allAnswered: () => void = () => {}
  const answered = new Promise<void>((resolve) => (allAnswered = resolve))

  const fire = (i: number, scheduled: number) => {
    pending++
    pool
      .request({ method: 'GET', path: options.path, headers: options.headers(i) })
      .then(async ({ statusCode, body }) => {
        await body.dump()
        if (statusCode >= 200 && statusCode < 300) latencies.push(performance.now() - scheduled)
        else failed++
      })
      .catch(() => failed++)
      .finally(() => {
        pending--
        if (pending === 0 && next === total) allAnswered()
      })
  }

  const start = performance.now()
  // A 1 ms timer is the finest Node offers; each tick starts every request now due, with
  // its own scheduled time, so the spacing the side sees is even to within that tick.
  while (next < total) {
    const now = performance.now()
    while (next < total && start + next * interval <= now) {
      const scheduled = start + next * interval
      maxStartLag = Math.max(maxStartLag, now - scheduled)
      fire(next, scheduled)
      next++
    }
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  if (pending > 0)
    await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 10_000))])
  failed += pending
  await pool.destroy()
  return { latencies, sent: total, failed, maxStartLag }
}

/** The q-quantile of the figures (nearest rank), to 0.1 ms. */
export function quantile(figures: readonly number[], q: number): number {
  const sorted = [...figures].sort((a, b) => a - b)
  const value = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0
  return Math.round(value * 10) / 10
}
