/**
 * Load bench of the production server (not part of `npm test`):
 *
 *   node scripts/bench-server.ts [--sessions 1000] [--rate 500] [--seconds 10]
 *                                [--rounds 5] [--round-seconds 4]
 *
 * Builds a live console (into .bench/), starts the HTTP demo backend with separate
 * families and `npm run serve`'s server in front of it, then measures:
 *   1. 1,000 signed-in sessions polling lists through the proxy (throughput, errors);
 *   2. p99 latency the proxy adds at 500 requests/s versus calling the upstream directly
 *      (budget ≤ 5 ms): against a trivial upstream, the median of interleaved rounds, with a
 *      bare node:http proxy in the same rounds as the floor (what any extra process costs).
 *      The load is open loop (scripts/open-loop.ts): a steady 500 requests/s spread evenly,
 *      the 1,000 sessions' cookies in turn, latency from each request's scheduled start;
 *   3. memory per idle session (budget < 10 kB): the session objects' heap, measured in
 *      this process, and the server's RSS growth over the real sign-ins (rougher);
 *   4. a restart with SIGTERM between two bursts: every request of the first burst that was
 *      sent answers (none lost, none failed), and the second burst, against the new
 *      process, has no error.
 * Prints the figures and PASS/FAIL per budget; exits 1 when a budget fails.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import autocannon from 'autocannon'
import { openLoop, quantile, type OpenLoopResult } from './open-loop.ts'
import { EnvironmentListSchema, MeSchema } from '../src/api/runtime-manager/account-schemas.ts'
import { readConfig } from '../server/config.ts'
import { Sessions } from '../server/sessions.ts'

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    // The trivial-upstream latency comparison: several short interleaved rounds, medians.
    rounds: { type: 'string', default: '5' },
    'round-seconds': { type: 'string', default: '4' },
    // A small answer, so that the comparison measures the proxy, not the upstream's work.
    'latency-path': { type: 'string', default: '/accounts/api/me' },
  },
})
const SESSIONS = Number(values.sessions)
const RATE = Number(values.rate)
const SECONDS = Number(values.seconds)
const LATENCY_PATH = values['latency-path']
const ROUNDS = Number(values.rounds)
const ROUND_SECONDS = Number(values['round-seconds'])
const ADMIN = { id: 'demo-administrator', secret: 'demo-administrator-secret' }
const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath
const SERVE_FLAGS = ['--max-semi-space-size=1']
const DIST = '.bench/dist-served'

/**
 * A trivial upstream (its own process): the token endpoint, who-am-I and a fixed small
 * JSON list. Against it, the difference between direct and proxied latency is the proxy's
 * own cost, not the demo backend's work under load.
 */
const STUB_UPSTREAM = `
import { createServer } from 'node:http'
const list = JSON.stringify({ data: Array.from({ length: 20 }, (_, i) => ({ id: i, name: 'server-' + i, status: 'RUNNING' })), total: 20 })
const me = JSON.stringify({ user: { username: 'stub', organization: { id: 'org', name: 'Org' } } })
const token = JSON.stringify({ access_token: 'stub-token', token_type: 'bearer', expires_in: 3600 })
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    const body = req.url.startsWith('/accounts/api/v2/oauth2/token') ? token : req.url.startsWith('/accounts/api/me') ? me : list
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  })
})
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('stub upstream ready'))
process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)) })
`

/**
 * The floor: a bare node:http proxy with a keep-alive agent, doing nothing but pass the
 * request and the answer on. What it adds is what one more process in the path costs on
 * this machine, before any work of the server's own.
 */
const BARE_PROXY = `
import { Agent, createServer, request } from 'node:http'
const agent = new Agent({ keepAlive: true })
const server = createServer((req, res) => {
  const upstream = request({ host: '127.0.0.1', port: Number(process.env.TARGET), method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers)
    answer.pipe(res)
  })
  upstream.on('error', () => { res.statusCode = 502; res.end() })
  req.pipe(upstream)
})
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare proxy ready'))
process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)) })
`

/** One side of a latency round, in ms from each request's scheduled start. */
interface Measured {
  p50: number
  p99: number
  requests: number
  failed: number
  /** How late the generator started its latest request (its own lag, the same for each side). */
  lag: number
}

function measured(result: OpenLoopResult): Measured {
  return {
    p50: quantile(result.latencies, 0.5),
    p99: quantile(result.latencies, 0.99),
    requests: result.sent,
    failed: result.failed,
    lag: Math.round(result.maxStartLag * 10) / 10,
  }
}

const failures: string[] = []
function verdict(name: string, ok: boolean, figure: string) {
  console.info(`  ${ok ? 'PASS' : 'FAIL'}  ${name}: ${figure}`)
  if (!ok) failures.push(name)
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts a process and waits for its `ready` line. With `logFile`, its stdout goes to that
 * file instead of a pipe into this process: this process is also the load generator, and
 * draining a server's request log here (or the server blocking on a full pipe, as pino
 * writes synchronously) would be measured as the server's latency.
 */
async function start(args: string[], env: Record<string, string>, ready: string, logFile?: string) {
  const child = spawn(node, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', logFile ? openSync(logFile, 'w') : 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const started = Date.now()
  const logged = () => (logFile ? readFileSync(logFile, 'utf8') : '')
  while (!output.includes(ready) && !logged().includes(ready)) {
    if (child.exitCode !== null || Date.now() - started > 20_000)
      throw new Error(`${args.join(' ')} did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  // Keep draining the pipes (a full pipe would block the child) without keeping the lines.
  for (const stream of [child.stdout, child.stderr]) {
    stream?.removeAllListeners('data')
    stream?.resume()
  }
  return child
}

const median = (figures: number[]) => {
  const sorted = [...figures].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

function rss(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
}

/** CPU seconds (user + system) a process has used: a figure the machine's load does not skew. */
function cpuSeconds(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 })

function call(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}

const SAME_ORIGIN = { 'x-console-request': '1', 'sec-fetch-site': 'same-origin' }

async function signIn(port: number): Promise<string> {
  const answer = await call(
    port,
    'POST',
    '/console-api/session/arm',
    { ...SAME_ORIGIN, 'content-type': 'application/json' },
    JSON.stringify({ clientId: ADMIN.id, clientSecret: ADMIN.secret }),
  )
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${answer.body}`)
  return String(answer.headers['set-cookie']).split(';')[0] ?? ''
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>) {
  const out: T[] = []
  for (let i = 0; i < count; i += size) {
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(size, count - i) }, (_, k) => make(i + k)),
      )),
    )
  }
  return out
}

/** Heap of idle sessions, measured in this process with a forced GC. */
function heapPerSession(count: number): number {
  setFlagsFromString('--expose-gc')
  const gc: unknown = runInNewContext('gc')
  const collect = () => {
    if (typeof gc === 'function') gc()
  }
  const config = readConfig({ API_URL: 'http://127.0.0.1:9' })
  const sessions = new Sessions({ config, now: Date.now })
  collect()
  const before = process.memoryUsage().heapUsed
  const token = () =>
    `demo.${Buffer.from(JSON.stringify({ sub: ADMIN.id, iat: Date.now(), exp: Date.now() + 3.6e6, fam: 'arm', n: Math.random() })).toString('base64url')}`
  for (let i = 0; i < count; i++) {
    let session = sessions.attach(undefined, {
      family: 'arm',
      identity: {
        username: 'ada.lovelace',
        orgId: 'f1e2d3c4-0000-4000-8000-000000000001',
        orgName: 'Demo Org',
      },
      clientId: ADMIN.id,
      clientSecret: ADMIN.secret,
      accessToken: token(),
      expiresAt: Date.now() + 3.6e6,
    })
    session = sessions.attach(session, {
      family: 'mfp',
      identity: { username: ADMIN.id },
      basic: `Basic ${Buffer.from(`${ADMIN.id}:${ADMIN.secret}${i}`).toString('base64')}`,
    })
    sessions.attach(session, {
      family: 'store',
      identity: { username: ADMIN.id },
      clientId: `store-${ADMIN.id}`,
      clientSecret: `${ADMIN.secret}-store-client`,
      accessToken: token(),
      refreshToken: token(),
      expiresAt: Date.now() + 3.6e6,
    })
  }
  collect()
  const after = process.memoryUsage().heapUsed
  if (sessions.store.size() !== count) throw new Error('session count mismatch')
  return (after - before) / count
}

async function main() {
  console.info(`bench-server: ${SESSIONS} sessions, ${RATE} req/s for ${SECONDS} s`)
  const backendPort = await freePort()
  const backendUrl = `http://127.0.0.1:${backendPort}`
  if (!existsSync(`${DIST}/index.html`)) {
    console.info('  building a live console into .bench/ …')
    const build = spawnSync('npm', ['run', 'build'], {
      env: { ...process.env, API_URL: backendUrl, OUT_DIR: DIST },
      stdio: 'ignore',
    })
    if (build.status !== 0) throw new Error('build failed')
  }
  const backend = await start(
    ['scripts/demo-server.ts', '--port', String(backendPort), '--separate-families'],
    {},
    'demo-server:',
  )
  const port = await freePort()
  const serverEnv = {
    API_URL: backendUrl,
    DIST_DIR: DIST,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The audit trail of a live server: in a throw-away folder, not ./data of the checkout.
    AUDIT_DB: join(mkdtempSync(join(tmpdir(), 'bench-audit-')), 'audit.sqlite'),
  }
  const startServer = () =>
    start(
      [...SERVE_FLAGS, 'server/main.ts'],
      { ...serverEnv, LOG_LEVEL: 'info' },
      'runtime console serving',
    )
  let server = await startServer()
  try {
    // Org and environment for the hybrid list calls, and a direct token for the baseline.
    const first = await signIn(port)
    const me = MeSchema.parse(
      JSON.parse((await call(port, 'GET', '/accounts/api/me', { cookie: first })).body),
    )
    const orgId = me.user.organization.id
    const envs = EnvironmentListSchema.parse(
      JSON.parse(
        (
          await call(port, 'GET', `/accounts/api/organizations/${orgId}/environments`, {
            cookie: first,
          })
        ).body,
      ),
    )
    const envId = envs.data.items[0]?.id
    if (!envId) throw new Error('the demo organization has no environment')
    const hybrid = { 'x-anypnt-org-id': orgId, 'x-anypnt-env-id': envId }
    const listPath = '/hybrid/api/v1/servers'

    // 1. Sessions: sign in, RSS per session (rough), then poll.
    const rssBefore = rss(server.pid)
    const cookies = await inBatches(SESSIONS, 50, () => signIn(port))
    const rssAfter = rss(server.pid)
    const rssPerSession = (rssAfter - rssBefore) / SESSIONS
    let next = 0
    const polling = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 100,
      duration: SECONDS,
      requests: [
        {
          method: 'GET',
          path: listPath,
          setupRequest: (request) => ({
            ...request,
            headers: { ...hybrid, cookie: cookies[next++ % cookies.length] ?? '' },
          }),
        },
      ],
    })
    console.info(
      `  ${SESSIONS} sessions polling ${listPath}: ${polling.requests.total} requests, ${polling.requests.average.toFixed(0)}/s, p50 ${polling.latency.p50} ms, p99 ${polling.latency.p99} ms, errors ${polling.errors}, non-2xx ${polling.non2xx}`,
    )
    verdict(
      'polling without errors',
      polling.errors === 0 && polling.non2xx === 0 && polling.timeouts === 0,
      `${polling.errors} errors, ${polling.non2xx} non-2xx`,
    )

    // 2. Added latency at a fixed rate: direct to the upstream vs through the proxy.
    const tokenAnswer = await fetch(`${backendUrl}/accounts/api/v2/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: ADMIN.id,
        client_secret: ADMIN.secret,
      }),
    })
    const token = String((await tokenAnswer.json()).access_token)
    const steady = { path: LATENCY_PATH, rate: RATE, seconds: SECONDS }
    const direct = measured(
      await openLoop({
        ...steady,
        origin: backendUrl,
        headers: () => ({ ...hybrid, authorization: `Bearer ${token}` }),
      }),
    )
    const proxied = measured(
      await openLoop({
        ...steady,
        origin: `http://127.0.0.1:${port}`,
        headers: (i) => ({ ...hybrid, cookie: cookies[i % cookies.length] ?? first }),
      }),
    )
    const added = proxied.p99 - direct.p99
    console.info(
      `  GET ${LATENCY_PATH} at a steady ${RATE} req/s: direct p50 ${direct.p50} / p99 ${direct.p99} ms; through the proxy p50 ${proxied.p50} / p99 ${proxied.p99} ms (errors and non-2xx ${direct.failed + proxied.failed}; load ${load()})`,
    )
    console.info(
      `  (in front of the demo backend the upstream's own queueing dominates: ${added.toFixed(1)} ms difference at p99)`,
    )
    // Against a trivial upstream: the proxy's own cost. Every side gets the same client
    // (open loop, rate, the sessions' cookies in turn, a warm-up) in short rounds that rotate which goes first;
    // the verdict is on the median of the rounds, as one round on a shared 2-core machine
    // mostly measures what else ran in those seconds (the load average is printed with it).
    // A third side, a bare node:http proxy, is the floor: what one more process in the path
    // costs at all on this machine, whatever that process does.
    const stubPort = await freePort()
    const stub = await start(
      ['--input-type=module', '-e', STUB_UPSTREAM],
      { PORT: String(stubPort) },
      'stub upstream ready',
    )
    const barePort = await freePort()
    const bare = await start(
      ['--input-type=module', '-e', BARE_PROXY],
      { PORT: String(barePort), TARGET: String(stubPort) },
      'bare proxy ready',
    )
    const stubServerPort = await freePort()
    const stubServer = await start(
      [...SERVE_FLAGS, 'server/main.ts'],
      {
        ...serverEnv,
        API_URL: `http://127.0.0.1:${stubPort}`,
        PORT: String(stubServerPort),
        LOG_LEVEL: 'info',
      },
      'runtime console serving',
      join(mkdtempSync(join(tmpdir(), 'bench-server-')), 'server.log'),
    )
    try {
      // The issue's load: every session polls its list in turn, each with its own cookie.
      const stubCookies = await inBatches(SESSIONS, 50, () => signIn(stubServerPort))
      const path = '/hybrid/api/v1/servers'
      const sides = [
        { name: 'direct', port: stubPort, pid: stub.pid },
        { name: 'bare proxy', port: barePort, pid: bare.pid },
        { name: 'proxied', port: stubServerPort, pid: stubServer.pid },
      ] as const
      const round = async (target: number, seconds: number) =>
        measured(
          await openLoop({
            origin: `http://127.0.0.1:${target}`,
            path,
            rate: RATE,
            seconds,
            headers: (i) => ({ ...hybrid, cookie: stubCookies[i % stubCookies.length] ?? '' }),
          }),
        )
      for (const side of sides) await round(side.port, 2)
      const loadBefore = load()
      const rows: Record<(typeof sides)[number]['name'], Measured>[] = []
      const cpu = { direct: 0, 'bare proxy': 0, proxied: 0 }
      const requests = { direct: 0, 'bare proxy': 0, proxied: 0 }
      let errors = 0
      for (let i = 0; i < ROUNDS; i++) {
        const row: Partial<Record<(typeof sides)[number]['name'], Measured>> = {}
        // Each side goes first, second and third in turn.
        for (let k = 0; k < sides.length; k++) {
          const side = sides[(i + k) % sides.length]
          if (!side) continue
          const before = cpuSeconds(side.pid)
          const result = await round(side.port, ROUND_SECONDS)
          cpu[side.name] += cpuSeconds(side.pid) - before
          requests[side.name] += result.requests
          errors += result.failed
          row[side.name] = result
        }
        const { direct: d, 'bare proxy': b, proxied: p } = row
        if (!d || !b || !p) throw new Error('a side of the round did not run')
        rows.push({ direct: d, 'bare proxy': b, proxied: p })
        console.info(
          `    round ${i + 1}: p50 / p99 direct ${d.p50} / ${d.p99} ms; bare proxy ${b.p50} / ${b.p99} ms; proxied ${p.p50} / ${p.p99} ms (generator's own start lag at most ${Math.max(d.lag, b.lag, p.lag)} ms; load ${load()})`,
        )
      }
      const perRequest = (name: keyof typeof cpu) =>
        `${((cpu[name] / Math.max(1, requests[name])) * 1e6).toFixed(0)} µs`
      console.info(
        `  CPU per request: server ${perRequest('proxied')} (${((cpu.proxied / Math.max(1, requests.proxied)) * RATE * 100).toFixed(1)} % of one core at ${RATE} req/s); bare proxy ${perRequest('bare proxy')}; upstream ${perRequest('direct')} (direct rounds only)`,
      )
      const med = (pick: (row: (typeof rows)[number]) => number) => median(rows.map(pick))
      const addedStub = med((row) => row.proxied.p99 - row.direct.p99)
      const addedBare = med((row) => row['bare proxy'].p99 - row.direct.p99)
      console.info(
        `  GET ${path} of a trivial upstream at ${RATE} req/s, median of ${ROUNDS} rounds of ${ROUND_SECONDS} s: direct p50 ${med((row) => row.direct.p50)} / p99 ${med((row) => row.direct.p99)} ms; bare proxy p50 ${med((row) => row['bare proxy'].p50)} / p99 ${med((row) => row['bare proxy'].p99)} ms; through the server p50 ${med((row) => row.proxied.p50)} / p99 ${med((row) => row.proxied.p99)} ms (errors and non-2xx ${errors}); load average ${loadBefore} before, ${load()} after, on ${cpus().length} cores`,
      )
      console.info(
        `  added at p99: the server ${addedStub.toFixed(1)} ms; the floor, one bare node:http hop, ${addedBare.toFixed(1)} ms; the server beyond that floor ${med((row) => row.proxied.p99 - row['bare proxy'].p99).toFixed(1)} ms`,
      )
      if (loadavg()[0]! > cpus().length)
        console.info(
          `  (the machine is busy: a load average above its ${cpus().length} cores means each of the proxied path's extra process wake-ups waits for a core, so the p99 figure measures the other jobs more than the proxy)`,
        )
      if (addedBare > 5)
        console.info(
          `  (a bare node:http hop alone adds ${addedBare.toFixed(1)} ms at p99 here, more than the 5 ms budget: on this machine at this load the budget cannot be met by any proxy process, and the verdict below says more about the machine than the server)`,
        )
      verdict(
        'p99 added by the proxy ≤ 5 ms (trivial upstream, median of the rounds)',
        addedStub <= 5 && errors === 0,
        `${addedStub.toFixed(1)} ms`,
      )
    } finally {
      await stop(stubServer)
      await stop(bare)
      await stop(stub)
    }

    // 3. Memory per idle session.
    const heap = heapPerSession(10_000)
    verdict(
      'memory per idle session < 10 kB (heap, all three families signed in)',
      heap < 10_240,
      `${(heap / 1024).toFixed(2)} kB`,
    )
    console.info(
      `  server RSS over ${SESSIONS} real sign-ins: ${(rssPerSession / 1024).toFixed(2)} kB per session (includes garbage not yet collected)`,
    )

    // 4. Restart between two bursts.
    const burst = async (count: number, cookie: string, stopAt?: () => void) => {
      let sent = 0
      let ok = 0
      const failed: string[] = []
      let stopped = false
      const worker = async () => {
        while (sent < count && !stopped) {
          if (stopAt && sent === Math.floor(count / 2)) {
            // A load balancer stops routing to a draining instance: no new requests after this;
            // those already sent must all be answered.
            stopped = true
            stopAt()
            break
          }
          sent++
          try {
            const answer = await call(port, 'GET', listPath, { ...hybrid, cookie })
            if (answer.status === 200) ok++
            else failed.push(String(answer.status))
          } catch (error) {
            failed.push(error instanceof Error ? error.message : String(error))
          }
        }
      }
      await Promise.all(Array.from({ length: 32 }, worker))
      return { sent, ok, failed }
    }
    const cookie = cookies[1] ?? first
    let exit: Promise<number | null> = Promise.resolve(0)
    const one = await burst(2000, cookie, () => {
      exit = stop(server)
    })
    const code = await exit
    server = await startServer()
    // Sessions live in the process (docs/decisions/013: a shared store keeps them across
    // restarts): sign in again against the new instance.
    const again = await signIn(port)
    const two = await burst(2000, again)
    console.info(
      `  restart: burst 1 sent ${one.sent}, answered 200 ${one.ok} (SIGTERM at half, exit code ${code}); burst 2 sent ${two.sent}, answered 200 ${two.ok}`,
    )
    verdict(
      'no error and no lost request across a SIGTERM restart',
      one.failed.length === 0 &&
        one.ok === one.sent &&
        two.failed.length === 0 &&
        two.ok === two.sent &&
        code === 0,
      `${one.failed.length + two.failed.length} failed ${[...one.failed, ...two.failed].slice(0, 3).join(', ')}`,
    )
  } finally {
    agent.destroy()
    await stop(server)
    await stop(backend)
  }
  console.info(
    failures.length === 0
      ? 'bench-server: all budgets met'
      : `bench-server: FAILED ${failures.join('; ')}`,
  )
  process.exit(failures.length === 0 ? 0 : 1)
}

main().catch((error: unknown) => {
  console.error('bench-server:', error)
  process.exit(2)
})
