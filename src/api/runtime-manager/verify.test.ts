import { expect, test } from 'vitest'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { verifyDesiredStatus } from './applications.ts'
import { verifyCreatedByName, verifyMembership } from './targets.ts'

const demo = setupTestBackend()

test('membership read-back: applied when the member list says what the change wanted', async () => {
  const target = { servers: [{ id: 1 }, { id: 2 }] }
  const read = async () => target
  await expect(verifyMembership(read, 2, true)()).resolves.toBe(true)
  await expect(verifyMembership(read, 3, true)()).resolves.toBeNull()
  await expect(verifyMembership(read, 3, false)()).resolves.toBe(true)
  await expect(verifyMembership(read, 1, false)()).resolves.toBeNull()
})

test('create read-back: the target of that exact name, wrapped as the create answers', async () => {
  const list = async () => [
    { id: 4, name: 'checkout' },
    { id: 5, name: 'checkout-eu' },
  ]
  await expect(verifyCreatedByName(list, 'checkout-eu')()).resolves.toEqual({
    data: { id: 5, name: 'checkout-eu' },
  })
  await expect(verifyCreatedByName(list, 'Checkout')()).resolves.toBeNull()
})

test('start/stop read-back: applied when the application now wants that status', async () => {
  const { scope } = await signInAs('Monitor')
  const app = demo.backend.db.applications
    .all()
    .find((a) => a.envId === scope.envId && a.desiredStatus === 'STARTED')
  if (!app) throw new Error('no started application')
  await expect(verifyDesiredStatus(scope, app.id, 'STARTED')()).resolves.toBe(true)
  await expect(verifyDesiredStatus(scope, app.id, 'STOPPED')()).resolves.toBeNull()
})
