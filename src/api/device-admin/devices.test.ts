import { expect, test } from 'vitest'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { changeApplicationStatusToEnd, listUserDevices } from './devices.ts'

const demo = setupTestBackend()

/** Lena's iPhone and iPad: both run a current AcmeBank, so a change of it succeeds. */
async function lenasCurrentDevices() {
  const devices = await listUserDevices('mfp', 'lena.fischer')
  const ok = devices.filter((d) => !/Pixel/.test(d.deviceDisplayName ?? ''))
  expect(ok).toHaveLength(2)
  return ok
}

test('a queued change whose transaction read fails once with 502 still ends in its real SUCCESS', async () => {
  await signInAs('Operator')
  const devices = await lenasCurrentDevices()
  demo.backend.faults.set({
    rules: [
      {
        matching: 'GET /mfpadmin/management-apis/2.0/runtimes/mfp/transactions/',
        effect: 'fail-502',
        times: 1,
      },
    ],
  })
  const ends = await Promise.all(
    devices.map((d) =>
      changeApplicationStatusToEnd(
        'mfp',
        { deviceId: d.id, appName: 'AcmeBank', status: 'DISABLED', mode: 'queue' },
        {},
        // Let the demo's queue finish before the first read of the transaction.
        () => demo.backend.db.advanceClock(10_000),
      ),
    ),
  )
  expect(ends.map((tx) => tx.status)).toEqual(['SUCCESS', 'SUCCESS'])
  // The rule was used: one read really failed on the way.
  expect(demo.backend.faults.get().rules).toEqual([])
}, 15_000)

test('a queued change whose answer is lost is found among the transactions and followed to its end', async () => {
  await signInAs('Operator')
  const [device] = await lenasCurrentDevices()
  if (!device) throw new Error('no device')
  demo.backend.faults.set({
    rules: [
      {
        matching: `PUT /mfpadmin/management-apis/2.0/runtimes/mfp/devices/${encodeURIComponent(device.id)}/applications/AcmeBank`,
        effect: 'lose-answer-502',
        times: 1,
      },
    ],
  })
  let checking = false
  const end = await changeApplicationStatusToEnd(
    'mfp',
    { deviceId: device.id, appName: 'AcmeBank', status: 'DISABLED', mode: 'queue' },
    { onChecking: () => (checking = true) },
    () => demo.backend.db.advanceClock(10_000),
  )
  expect(checking).toBe(true)
  expect(end.status).toBe('SUCCESS')
  expect(end.description).toMatchObject({ deviceId: device.id, appName: 'AcmeBank' })
}, 15_000)
