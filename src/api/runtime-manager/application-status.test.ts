import { expect, test } from 'vitest'
import type { Application } from './application-schemas.ts'
import { applicationState, rollupReportedStatus } from './application-status.ts'

type Copy = { serverId: number; desired?: string; reported: string; message?: string }

function app(desiredStatus: string, copies: Copy[], down: number[] = []): Application {
  const servers = copies.map((c) => ({
    id: c.serverId,
    name: `s${c.serverId}`,
    status: down.includes(c.serverId) ? 'DISCONNECTED' : 'RUNNING',
  }))
  return {
    id: 1,
    name: 'orders-api',
    desiredStatus,
    lastReportedStatus: rollupReportedStatus(copies.map((c) => c.reported)),
    artifact: { name: 'orders-api' },
    target: { id: 9, name: 'g', type: 'SERVER_GROUP', servers },
    serverArtifacts: copies.map((c, i) => ({
      id: 100 + i,
      serverId: c.serverId,
      desiredStatus: c.desired ?? desiredStatus,
      lastReportedStatus: c.reported,
      message: c.message ?? null,
    })),
  }
}

test('a deployment in progress is deploying and counts the servers already started', () => {
  const state = applicationState(
    app('UPDATED', [
      { serverId: 1, reported: 'STARTED' },
      { serverId: 2, reported: 'UNDEPLOYED' },
      { serverId: 3, reported: 'UNDEPLOYED' },
    ]),
  )
  expect(state).toMatchObject({ phase: 'deploying', settling: true, servers: 3, started: 1 })
})

test('a failure on one of three servers is a failure that names the count and the message', () => {
  const state = applicationState(
    app('STARTED', [
      { serverId: 1, reported: 'STARTED' },
      { serverId: 2, reported: 'DEPLOYMENT_FAILED', message: 'port 8081 in use' },
      { serverId: 3, reported: 'STARTED' },
    ]),
  )
  expect(state).toMatchObject({
    phase: 'failed',
    settling: false,
    failed: 1,
    servers: 3,
    failure: 'port 8081 in use',
  })
})

test('asked to stop while still reporting started is stopping, and settles once all report stopped', () => {
  expect(applicationState(app('STOPPED', [{ serverId: 1, reported: 'STARTED' }]))).toMatchObject({
    phase: 'stopping',
    settling: true,
  })
  expect(applicationState(app('STOPPED', [{ serverId: 1, reported: 'STOPPED' }]))).toMatchObject({
    phase: 'stopped',
    settling: false,
  })
  expect(applicationState(app('STARTED', [{ serverId: 1, reported: 'STOPPED' }]))).toMatchObject({
    phase: 'starting',
    settling: true,
  })
})

test('a copy on a disconnected server never keeps the application moving', () => {
  // Server 1 is running, server 2 is disconnected.
  const onOneUpOneDown = (desired: string, up: string, down: string) =>
    applicationState(
      app(
        desired,
        [
          { serverId: 1, reported: up },
          { serverId: 2, reported: down },
        ],
        [2],
      ),
    )
  const state = onOneUpOneDown('STARTED', 'STARTED', 'UNDEPLOYED')
  expect(state).toMatchObject({ phase: 'partial', settling: false, started: 1, unreachable: 1 })
  const stopped = onOneUpOneDown('STOPPED', 'STOPPED', 'STARTED')
  expect(stopped).toMatchObject({ phase: 'stopped', settling: false, unreachable: 1 })
})

test('without per-server artifacts the application-level statuses decide', () => {
  const bare = (desiredStatus: string, lastReportedStatus: string): Application => ({
    id: 1,
    name: 'a',
    desiredStatus,
    lastReportedStatus,
    artifact: { name: 'a' },
    target: { id: 2, name: 's', type: 'SERVER', status: 'RUNNING' },
  })
  expect(applicationState(bare('STARTED', 'STARTED')).phase).toBe('started')
  expect(applicationState(bare('STARTED', 'UNDEPLOYED')).phase).toBe('deploying')
  expect(applicationState(bare('STOPPED', 'STARTED')).phase).toBe('stopping')
  expect(applicationState(bare('STARTED', 'DEPLOYMENT_FAILED')).phase).toBe('failed')
})

test('roll-up: any failure wins, then agreement, then started, then undeployed', () => {
  expect(rollupReportedStatus(['STARTED', 'DEPLOYMENT_FAILED'])).toBe('DEPLOYMENT_FAILED')
  expect(rollupReportedStatus(['STOPPED', 'STOPPED'])).toBe('STOPPED')
  expect(rollupReportedStatus(['STARTED', 'UNDEPLOYED'])).toBe('STARTED')
  expect(rollupReportedStatus(['STOPPED', 'UNDEPLOYED'])).toBe('UNDEPLOYED')
  expect(rollupReportedStatus([])).toBe('UNDEPLOYED')
})
