// @vitest-environment node
/**
 * Proves that the layer arrows in .oxlintrc.json bite (ADR 023): each probe is a one-import file
 * at a place in a copy of the tree, linted with the real config, and must be reported or not.
 * oxlint ignores a rule it cannot apply (a regex with look-around, a glob that matches no file)
 * without a word, so a config that still parses but lost an arrow only shows up here.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import * as z from 'zod/mini'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

type Probe = { from: string; imports: string; allowed: boolean }

const allowed = (from: string, imports: string): Probe => ({ from, imports, allowed: true })
const forbidden = (from: string, imports: string): Probe => ({ from, imports, allowed: false })

// `from` is a folder or a file name pattern; the probe file is created there.
const probes: Probe[] = [
  // lib: the bottom layer
  allowed('src/lib/p.ts', './format.ts'),
  allowed('src/lib/p.ts', 'zod/mini'),
  forbidden('src/lib/p.ts', '../api/runtime-manager/servers.ts'),
  forbidden('src/lib/p.ts', '../api/runtime-manager/server-schemas.ts'),
  forbidden('src/lib/p.ts', '../components/button.tsx'),
  forbidden('src/lib/p.ts', '../features/servers/servers-page.tsx'),
  forbidden('src/lib/p.ts', '../app/routes.tsx'),
  forbidden('src/lib/p.ts', '../demo/db.ts'),
  forbidden('src/lib/p.ts', '../test/demo-server.ts'),
  forbidden('src/lib/p.ts', '../../server/contract.ts'),
  allowed('src/lib/p.test.ts', '../test/demo-server.ts'),
  allowed('src/lib/p.test.ts', '../demo/db.ts'),
  forbidden('src/lib/p.test.ts', '../api/runtime-manager/servers.ts'),
  // api: only lib
  allowed('src/api/runtime-manager/p.ts', '../../lib/request.ts'),
  allowed('src/api/runtime-manager/p.ts', './server-schemas.ts'),
  allowed('src/api/runtime-manager/p.ts', '../console/audit-schemas.ts'),
  forbidden('src/api/runtime-manager/p.ts', '../../features/servers/server-page.tsx'),
  forbidden('src/api/runtime-manager/p.ts', '../../components/button.tsx'),
  forbidden('src/api/runtime-manager/p.ts', '../../app/query-client.ts'),
  forbidden('src/api/runtime-manager/p.ts', '../../demo/db.ts'),
  forbidden('src/api/runtime-manager/p.ts', '../../test/demo-server.ts'),
  forbidden('src/api/console/p.ts', '../../../server/contract.ts'),
  allowed('src/api/runtime-manager/p.test.ts', '../../test/demo-server.ts'),
  forbidden('src/api/runtime-manager/p.test.ts', '../../features/servers/server-page.tsx'),
  // components: domain-free UI
  allowed('src/components/p.tsx', './button.tsx'),
  allowed('src/components/p.tsx', '../lib/format.ts'),
  forbidden('src/components/p.tsx', '../api/runtime-manager/server-schemas.ts'),
  forbidden('src/components/p.tsx', '../api/permissions.ts'),
  forbidden('src/components/p.tsx', '../features/servers/server-page.tsx'),
  forbidden('src/components/p.tsx', '../app/console-layout.tsx'),
  forbidden('src/components/p.tsx', '../demo/db.ts'),
  allowed('src/components/p.test.tsx', '../test/render-app.tsx'),
  forbidden('src/components/p.test.tsx', '../api/runtime-manager/servers.ts'),
  // features: api, components, lib; never each other
  allowed('src/features/servers/p.tsx', './server-page.tsx'),
  allowed('src/features/servers/p.tsx', '../../api/runtime-manager/servers.ts'),
  allowed('src/features/servers/p.tsx', '../../components/button.tsx'),
  allowed('src/features/servers/p.tsx', '../../lib/paths.ts'),
  forbidden('src/features/servers/p.tsx', '../clusters/cluster-page.tsx'),
  forbidden('src/features/servers/p.tsx', '../../features/clusters/cluster-page.tsx'),
  forbidden('src/features/servers/p.tsx', '../../app/routes.tsx'),
  forbidden('src/features/servers/p.tsx', '../../demo/db.ts'),
  forbidden('src/features/servers/p.tsx', '../../test/render-app.tsx'),
  allowed('src/features/servers/sub/p.tsx', '../server-page.tsx'),
  allowed('src/features/servers/sub/p.tsx', '../../../api/runtime-manager/servers.ts'),
  forbidden('src/features/servers/sub/p.tsx', '../../clusters/cluster-page.tsx'),
  forbidden('src/features/servers/sub/p.tsx', '../../../app/routes.tsx'),
  allowed('src/features/servers/p.test.tsx', '../../test/render-app.tsx'),
  allowed('src/features/servers/p.test.tsx', '../../demo/device-admin/device-store.ts'),
  forbidden('src/features/servers/p.test.tsx', '../clusters/cluster-page.tsx'),
  forbidden('src/features/servers/sub/p.test.tsx', '../../clusters/cluster-page.tsx'),
  // app: the composition root
  allowed('src/app/p.tsx', '../features/servers/server-page.tsx'),
  allowed('src/app/p.tsx', '../demo/faults.ts'),
  forbidden('src/app/p.tsx', '../test/render-app.tsx'),
  forbidden('src/app/p.tsx', '../../server/contract.ts'),
  // demo: zod, msw, its own files and the api schemas only
  allowed('src/demo/p.ts', 'zod/mini'),
  allowed('src/demo/p.ts', 'msw'),
  allowed('src/demo/p.ts', 'msw/browser'),
  allowed('src/demo/p.ts', './db.ts'),
  allowed('src/demo/p.ts', '../api/runtime-manager/server-schemas.ts'),
  forbidden('src/demo/p.ts', 'react'),
  forbidden('src/demo/p.ts', '@tanstack/react-query'),
  forbidden('src/demo/p.ts', '../api/runtime-manager/servers.ts'),
  forbidden('src/demo/p.ts', '../api/permissions.ts'),
  forbidden('src/demo/p.ts', '../lib/request.ts'),
  forbidden('src/demo/p.ts', '../lib/families.ts'),
  forbidden('src/demo/p.ts', '../components/button.tsx'),
  forbidden('src/demo/p.ts', '../features/servers/server-page.tsx'),
  forbidden('src/demo/p.ts', '../app/demo-panel.tsx'),
  forbidden('src/demo/p.ts', '../test/demo-server.ts'),
  forbidden('src/demo/p.ts', '../../server/contract.ts'),
  allowed('src/demo/handlers/p.ts', '../db.ts'),
  allowed('src/demo/handlers/p.ts', '../../api/app-store/client-app-schemas.ts'),
  forbidden('src/demo/handlers/p.ts', '../../api/runtime-manager/target-rules.ts'),
  allowed('src/demo/p.test.ts', 'vitest'),
  allowed('src/demo/p.test.ts', '../test/demo-server.ts'),
  forbidden('src/demo/p.test.ts', '../api/runtime-manager/servers.ts'),
  forbidden('src/demo/p.test.ts', 'react'),
  // server/: the schemas and the families only
  allowed('server/p.ts', './config.ts'),
  allowed('server/p.ts', 'fastify'),
  allowed('server/p.ts', '../src/api/console/audit-schemas.ts'),
  allowed('server/p.ts', '../src/lib/families.ts'),
  forbidden('server/p.ts', '../src/lib/request.ts'),
  forbidden('server/p.ts', '../src/api/console/audit-change.ts'),
  forbidden('server/p.ts', '../src/demo/db.ts'),
  allowed('server/audit/p.ts', '../../src/api/console/audit-schemas.ts'),
  forbidden('server/audit/p.ts', '../../src/app/routes.tsx'),
  allowed('server/p.test.ts', '../src/test/demo-server.ts'),
  forbidden('server/p.test.ts', '../src/lib/request.ts'),
]

const OxlintReportSchema = z.object({
  diagnostics: z.array(z.object({ code: z.string(), filename: z.string() })),
})

let work = ''
let reported = new Set<string>()
const probeFile = (probe: Probe, index: number) =>
  join(dirname(probe.from), probe.from.split('/').at(-1)?.replace(/^p\./, `probe-${index}.`) ?? '')

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'check-boundaries-'))
  // The override globs are relative to the config file, so the copy sits at the probe tree's root.
  copyFileSync(join(root, '.oxlintrc.json'), join(work, '.oxlintrc.json'))
  probes.forEach((probe, index) => {
    const file = join(work, probeFile(probe, index))
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `import { value } from '${probe.imports}'\nexport const probe = value\n`)
  })
  const oxlint = spawnSync(
    join(root, 'node_modules', '.bin', 'oxlint'),
    ['-c', '.oxlintrc.json', '-f', 'json', 'src', 'server'],
    { cwd: work, encoding: 'utf8' },
  )
  const parsed: unknown = JSON.parse(oxlint.stdout)
  const report = OxlintReportSchema.parse(parsed)
  reported = new Set(
    report.diagnostics
      .filter((d) => d.code === 'eslint(no-restricted-imports)')
      .map((d) => d.filename),
  )
})

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

test.each(probes.map((probe, index) => ({ ...probe, index })))(
  '$from imports $imports (allowed: $allowed)',
  (probe) => {
    expect(reported.has(probeFile(probe, probe.index))).toBe(!probe.allowed)
  },
)

test('npm run lint fails on a wrong-way import (oxlint exits non-zero)', () => {
  const wrongWay = probes.findIndex((p) => !p.allowed && p.from === 'src/lib/p.ts')
  const probe = probes[wrongWay]
  if (!probe) throw new Error('no wrong-way probe for src/lib')
  const oxlint = spawnSync(
    join(root, 'node_modules', '.bin', 'oxlint'),
    ['-c', '.oxlintrc.json', '--max-warnings', '0', probeFile(probe, wrongWay)],
    { cwd: work, encoding: 'utf8' },
  )
  expect(oxlint.status).toBe(1)
  expect(oxlint.stdout).toContain('src/lib is the bottom layer')
})

// A named exception names files as they are today; one that names a file that moved or went
// is stale and would silently allow the import at a new file of that name.
test('every file an override names exists', () => {
  const config = readFileSync(join(root, '.oxlintrc.json'), 'utf8')
  const named = [...config.matchAll(/"((?:src|server)\/[^"*]+\.tsx?)"/g)].map((m) => m[1] ?? '')
  expect(named.length).toBeGreaterThan(0)
  expect(named.filter((file) => !existsSync(join(root, file)))).toEqual([])
})

// The groups say "**/api/**" for the api layer at any depth: that holds only while no folder
// below a layer is named like a layer.
test('no folder inside src/ or server/ is named like a layer', () => {
  const layers = new Set([
    'api',
    'app',
    'components',
    'demo',
    'features',
    'lib',
    'test',
    'server',
    'src',
  ])
  const nested = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => [`${dir}/${entry.name}`, ...nested(`${dir}/${entry.name}`)])
  const below = [
    ...nested('server'),
    ...readdirSync(join(root, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => nested(`src/${entry.name}`)),
  ]
  expect(below.length).toBeGreaterThan(0)
  expect(below.filter((dir) => layers.has(dir.split('/').at(-1) ?? ''))).toEqual([])
})
