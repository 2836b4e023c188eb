import { expect, test } from 'vitest'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import { validateCreateGroup } from './create-group-form-model.ts'

const servers: Server[] = [
  { id: 1, name: 'web-1', status: 'RUNNING' },
  { id: 2, name: 'web-2', status: 'DISCONNECTED' },
  { id: 3, name: 'db-1', status: 'RUNNING', clusterId: 9, clusterName: 'db' },
]

test('a valid name and individual servers (running or not) give the request body', () => {
  expect(validateCreateGroup({ name: ' web ', serverIds: [1, 2] }, servers, ['db'])).toEqual({
    ok: true,
    input: { name: 'web', serverIds: [1, 2] },
  })
})

test('every problem is reported at once: name rules, name in use, no servers', () => {
  expect(validateCreateGroup({ name: '', serverIds: [] }, servers, [])).toEqual({
    ok: false,
    errors: { name: 'Enter a name.', servers: 'Choose at least one server for the group.' },
  })
  expect(validateCreateGroup({ name: 'my group', serverIds: [1] }, servers, [])).toMatchObject({
    errors: { name: expect.stringContaining('letters, digits, dots, dashes and underscores') },
  })
  expect(validateCreateGroup({ name: 'DB', serverIds: [1] }, servers, ['db'])).toEqual({
    ok: false,
    // Names from the API are isolated (U+2068 … U+2069): the words read as before.
    errors: {
      name: `'${isolateText('db')}' is already the name of a server group or cluster in this environment.`,
    },
  })
})

test('a server in a cluster, or one no longer registered, cannot join', () => {
  expect(validateCreateGroup({ name: 'web', serverIds: [1, 3] }, servers, [])).toEqual({
    ok: false,
    errors: {
      servers: `${isolateText('db-1')} cannot join: already in cluster '${isolateText('db')}'.`,
    },
  })
  expect(validateCreateGroup({ name: 'web', serverIds: [42] }, servers, [])).toEqual({
    ok: false,
    errors: { servers: 'Server 42 cannot join: it is no longer registered.' },
  })
})
