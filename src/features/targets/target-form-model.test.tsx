import { render } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import { setLanguage } from '../../lib/i18n.ts'
import { validateCreateCluster } from './create-cluster-form-model.ts'
import { validateCreateGroup } from './create-group-form-model.ts'
import { joinProblem, membershipReason, newTargetNameProblem } from './target-form-model.ts'

const hostile = '\u202Eevil\u202C'
const servers: Server[] = [
  { id: 1, name: 'web-1', status: 'RUNNING' },
  { id: 2, name: 'db-1', status: 'RUNNING', clusterId: 9, clusterName: 'db' },
  { id: 3, name: 'app-1', status: 'RUNNING', serverGroupId: 7, serverGroupName: hostile },
  // A server that names its group's id only.
  { id: 4, name: 'app-2', status: 'RUNNING', serverGroupId: 8 },
]

test('a group or cluster name is refused in German: the name rules and a name in use', async () => {
  await setLanguage('de', { remember: false })
  expect(validateCreateGroup({ name: '', serverIds: [1] }, servers, [])).toEqual({
    ok: false,
    errors: { name: 'Geben Sie einen Namen ein.' },
  })
  expect(newTargetNameProblem('my group', [])).toBe(
    'Verwenden Sie Buchstaben, Ziffern, Punkte, Bindestriche und Unterstriche, beginnend mit einem Buchstaben oder einer Ziffer.',
  )
  expect(newTargetNameProblem('x'.repeat(61), [])).toBe('Verwenden Sie höchstens 60 Zeichen.')
  expect(
    validateCreateCluster({ name: 'DB', multicast: true, members: [] }, servers, ['db']),
  ).toMatchObject({
    errors: {
      name: `„${isolateText('db')}“ ist in dieser Umgebung bereits der Name einer Servergruppe oder eines Clusters.`,
    },
  })
  await setLanguage('en', { remember: false })
})

test('a server that cannot join says why in German and Arabic, the names isolated', async () => {
  await setLanguage('de', { remember: false })
  expect(joinProblem([1, 2], servers)).toBe(
    `${isolateText('db-1')} kann nicht beitreten: Er ist bereits im Cluster „${isolateText('db')}“.`,
  )
  expect(joinProblem([3], servers)).toBe(
    `${isolateText('app-1')} kann nicht beitreten: Er ist bereits in der Servergruppe „${isolateText(hostile)}“.`,
  )
  expect(joinProblem([1], servers)).toBeUndefined()
  expect(joinProblem([4], servers)).toBe(
    `${isolateText('app-2')} kann nicht beitreten: Er ist bereits in der Servergruppe „${isolateText('Gruppe 8')}“.`,
  )
  await setLanguage('ar', { remember: false })
  expect(joinProblem([2], servers)).toBe(
    `لا يمكن لـ ${isolateText('db-1')} الانضمام: إنه موجود بالفعل في العنقود «${isolateText('db')}».`,
  )
  await setLanguage('en', { remember: false })
})

test('the picker’s reason beside a server in a group reads in German, its name as API text', async () => {
  expect(membershipReason(servers[0]!)).toBeNull()
  await setLanguage('de', { remember: false })
  const { container } = render(<p>{membershipReason(servers[2]!)}</p>)
  expect(container).toHaveTextContent(`Bereits in der Servergruppe „${hostile}“`)
  expect(container.querySelector('bdi')).toHaveTextContent(hostile)
  await setLanguage('en', { remember: false })
})
