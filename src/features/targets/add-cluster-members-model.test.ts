import { expect, test } from 'vitest'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import { capacityProblem, roomIn, validateAddMembers } from './add-cluster-members-model.ts'

const server = (id: number, extra: Partial<Server> = {}): Server => ({
  id,
  name: `node-${id}`,
  status: 'RUNNING',
  ...extra,
})
const servers = Array.from({ length: 12 }, (_, i) => server(i + 1))
const members = (n: number) =>
  servers.slice(0, n).map((s) => ({ ...s, clusterId: 99, serverIp: `10.0.0.${s.id}` }))

test('a cluster of 6 takes 2 more; a third is refused before sending, with the count', () => {
  const cluster = { servers: members(6), multicastEnabled: true }
  expect(roomIn(cluster)).toBe(2)
  expect(capacityProblem(cluster, 2)).toBeNull()
  const three = [7, 8, 9].map((serverId) => ({ serverId, ip: '' }))
  expect(validateAddMembers(cluster, three, servers)).toEqual({
    ok: false,
    errors: {
      servers: 'A cluster holds at most 8 servers: it has 6, so 2 more at most; 3 are chosen.',
    },
  })
  expect(validateAddMembers(cluster, three.slice(0, 2), servers)).toEqual({
    ok: true,
    bodies: [{ serverId: 7 }, { serverId: 8 }],
  })
  expect(capacityProblem({ servers: members(8) }, 1)).toBe(
    'The cluster has 8 servers, the most a cluster can hold.',
  )
})

test('unicast: every new server needs a valid IP not used by a member or another new one', () => {
  const cluster = { servers: members(2), multicastEnabled: false }
  const result = validateAddMembers(
    cluster,
    [
      { serverId: 5, ip: '' },
      { serverId: 6, ip: '10.0.0.1' },
      { serverId: 7, ip: '10.0.0.300' },
      { serverId: 8, ip: '10.0.0.50' },
      { serverId: 9, ip: ' 10.0.0.50 ' },
    ],
    servers,
  )
  expect(result).toEqual({
    ok: false,
    errors: {
      ips: {
        5: 'Unicast clusters need this server’s IP address (IPv4 or IPv6).',
        6: '10.0.0.1 is already the IP of node-1 in this cluster.',
        7: "'10.0.0.300' is not an IPv4 or IPv6 address.",
        9: '10.0.0.50 is already the IP of another chosen server in this cluster.',
      },
    },
  })
})

test('a server that joined a group meanwhile cannot be added; none chosen is refused', () => {
  const cluster = { servers: members(1), multicastEnabled: true }
  const grouped = servers.map((s) =>
    s.id === 4 ? { ...s, serverGroupId: 3, serverGroupName: 'g3' } : s,
  )
  expect(validateAddMembers(cluster, [{ serverId: 4, ip: '' }], grouped)).toEqual({
    ok: false,
    // Names from the API are isolated (U+2068 … U+2069): the words read as before.
    errors: {
      servers: `${isolateText('node-4')} cannot join: already in server group '${isolateText('g3')}'.`,
    },
  })
  expect(validateAddMembers(cluster, [], servers)).toEqual({
    ok: false,
    errors: { servers: 'Choose at least one server to add.' },
  })
})
