/**
 * `npm run bench`: every benchmark in turn (not part of `npm test`), each in its own
 * process so one's memory and servers never skew another's figures:
 *
 *   1. the console at fleet scale (scripts/bench.ts: first visit, first rows, filter, idle)
 *   2. the production server under load (scripts/bench-server.ts: proxy overhead, sessions,
 *      restart without a lost request)
 *   3. the audit trail at 1,000,000 entries (scripts/bench-audit.ts)
 *
 * Each prints its own figures and budgets; this prints one line per bench at the end and
 * exits 1 when any budget failed. `npm run bench:ui`, `bench:server` and `bench:audit` run one.
 */
import { spawnSync } from 'node:child_process'

const benches = [
  { name: 'console (fleet scale)', args: ['scripts/bench.ts'] },
  { name: 'production server', args: ['scripts/bench-server.ts'] },
  { name: 'audit trail', args: ['--expose-gc', 'scripts/bench-audit.ts'] },
]

const outcomes: string[] = []
let failed = false
for (const bench of benches) {
  console.info(`\n━━ bench: ${bench.name}`)
  const started = Date.now()
  const result = spawnSync(process.execPath, bench.args, { stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  const ok = result.status === 0
  if (!ok) failed = true
  outcomes.push(
    `  ${bench.name.padEnd(24)} ${ok ? 'every budget passed' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s`,
  )
}
console.info('\n━━ bench summary')
for (const line of outcomes) console.info(line)
process.exitCode = failed ? 1 : 0
