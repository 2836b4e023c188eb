/**
 * `npm test`: every check, in order, stopping at the first failure.
 *
 *   npm test                          everything
 *   SKIP_E2E=1 npm test               without the browser steps (quick local run)
 *   npm test -- --e2e --grep @live    extra arguments after --e2e go to `playwright test`
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const bin = (name) => join(root, 'node_modules', '.bin', name)

const args = process.argv.slice(2)
const e2eAt = args.indexOf('--e2e')
const ownArgs = e2eAt === -1 ? args : args.slice(0, e2eAt)
const playwrightArgs = e2eAt === -1 ? [] : args.slice(e2eAt + 1)
if (ownArgs.length > 0) {
  console.error(`test: unknown argument(s) ${ownArgs.join(' ')}`)
  console.error('usage: npm test [-- --e2e <playwright test arguments>]')
  process.exit(2)
}
const skipE2e = Boolean(process.env.SKIP_E2E) && process.env.SKIP_E2E !== '0'

const steps = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  {
    name: 'lint',
    command: bin('oxlint'),
    args: ['--max-warnings', '0', 'src', 'e2e', 'scripts', 'server'],
  },
  // Unused files, exports, types and dependencies (knip.jsonc, ADR 023).
  { name: 'knip', command: bin('knip'), args: [] },
  { name: 'format', command: bin('prettier'), args: ['--check', '.'] },
  { name: 'unit tests', command: bin('vitest'), args: ['run'] },
  {
    name: 'browser',
    command: process.execPath,
    args: [join(root, 'scripts', 'ensure-browser.mjs')],
    e2e: true,
  },
  { name: 'e2e tests', command: bin('playwright'), args: ['test', ...playwrightArgs], e2e: true },
]

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
const started = Date.now()
const results = []
let exitCode = 0

for (const step of steps) {
  if (step.e2e && skipE2e) {
    results.push({ step, outcome: 'skipped (SKIP_E2E)' })
    continue
  }
  const command = step.command === process.execPath ? 'node' : step.command
  const shown = [command, ...step.args].join(' ').replaceAll(`${root}/`, '')
  console.info(`\n━━ ${step.name}: ${shown}`)
  if (!existsSync(step.command)) {
    console.error(`test: ${step.command} is missing; run npm ci first`)
    results.push({ step, outcome: 'FAILED (missing)' })
    exitCode = 127
    break
  }
  const t0 = Date.now()
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', cwd: root })
  const took = Date.now() - t0
  if (result.error) console.error(`test: could not run ${step.name}: ${result.error.message}`)
  if (result.status === 0) {
    results.push({ step, outcome: `passed in ${seconds(took)}` })
    continue
  }
  const why = result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`
  results.push({ step, outcome: `FAILED (${why}) after ${seconds(took)}` })
  exitCode = result.status ?? (result.signal === 'SIGINT' ? 130 : 1)
  break
}

for (const step of steps.slice(results.length)) {
  results.push({ step, outcome: step.e2e && skipE2e ? 'skipped (SKIP_E2E)' : 'not run' })
}

console.info('\n━━ summary')
for (const { step, outcome } of results) console.info(`  ${step.name.padEnd(12)} ${outcome}`)
if (skipE2e) console.info('  (e2e skipped: SKIP_E2E is set; browser tests did NOT run)')
console.info(`  total ${seconds(Date.now() - started)}: ${exitCode === 0 ? 'OK' : 'FAILED'}`)
process.exit(exitCode)
