import { expect, test } from 'vitest'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import { memberIpProblem, validateCreateCluster } from './create-cluster-form-model.ts'

const server = (id: number, extra: Partial<Server> = {}): Server => ({
  id,
  name: `node-${id}`,
  status: 'RUNNING',
  ...extra,
})
const servers = Array.from({ length: 10 }, (_, i) => server(i + 1))

test('unicast needs a valid IP for every server; multicast needs none', () => {
  const members = [
    { serverId: 1, ip: '10.0.0.1' },
    { serverId: 2, ip: '' },
  ]
  const unicast = validateCreateCluster({ name: 'c1', multicast: false, members }, servers, [])
  expect(unicast).toEqual({
    ok: false,
    errors: { ips: { 2: 'Unicast clusters need this server’s IP address (IPv4 or IPv6).' } },
  })
  const multicast = validateCreateCluster({ name: 'c1', multicast: true, members }, servers, [])
  expect(multicast).toEqual({
    ok: true,
    input: {
      name: 'c1',
      multicastEnabled: true,
      servers: [{ serverId: 1, serverIp: '10.0.0.1' }, { serverId: 2 }],
    },
  })
})

test('IPv4 and IPv6 are accepted; anything else is named', () => {
  expect(memberIpProblem('192.168.1.20', false)).toBeNull()
  expect(memberIpProblem('fd00::12', false)).toBeNull()
  expect(memberIpProblem(' 10.1.2.3 ', false)).toBeNull()
  expect(memberIpProblem('10.0.0.300', false)).toBe("'10.0.0.300' is not an IPv4 or IPv6 address.")
  expect(memberIpProblem('host.example', true)).toBe(
    "'host.example' is not an IPv4 or IPv6 address.",
  )
})

test('two unicast members cannot share an IP', () => {
  const result = validateCreateCluster(
    {
      name: 'c1',
      multicast: false,
      members: [
        { serverId: 1, ip: '10.0.0.1' },
        { serverId: 2, ip: '10.0.0.1' },
      ],
    },
    servers,
    [],
  )
  expect(result).toEqual({
    ok: false,
    errors: { ips: { 2: '10.0.0.1 is already given to another server of this cluster.' } },
  })
})

test('1 to 8 servers, individual only; name valid and unused; all errors at once', () => {
  const nine = servers.slice(0, 9).map((s) => ({ serverId: s.id, ip: '' }))
  expect(validateCreateCluster({ name: '', multicast: true, members: [] }, servers, [])).toEqual({
    ok: false,
    errors: { name: 'Enter a name.', servers: 'Choose at least one server for the cluster.' },
  })
  expect(
    validateCreateCluster({ name: 'Orders', multicast: true, members: nine }, servers, ['orders']),
  ).toEqual({
    ok: false,
    errors: {
      // Names from the API are isolated (U+2068 … U+2069): the words read as before.
      name: `'${isolateText('orders')}' is already the name of a server group or cluster in this environment.`,
      servers: 'A cluster holds at most 8 servers; 9 are chosen.',
    },
  })
  const grouped = [server(1, { serverGroupId: 77, serverGroupName: 'web' }), ...servers.slice(1)]
  expect(
    validateCreateCluster(
      { name: 'c1', multicast: true, members: [{ serverId: 1, ip: '' }] },
      grouped,
      [],
    ),
  ).toEqual({
    ok: false,
    errors: {
      servers: `${isolateText('node-1')} cannot join: already in server group '${isolateText('web')}'.`,
    },
  })
})

test('loopback and unspecified addresses are refused with the reason, in every spelling', () => {
  for (const ip of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
    expect(memberIpProblem(ip, false)).toMatch(/is a loopback address: the other servers/)
    expect(memberIpProblem(ip, true)).toMatch(/loopback/)
  }
  for (const ip of ['0.0.0.0', '::', '0:0:0:0:0:0:0:0', '::ffff:0.0.0.0']) {
    expect(memberIpProblem(ip, false)).toMatch(/is the unspecified address/)
  }
  for (const ip of ['10.0.0.1', '128.0.0.1', '::2', 'fe80::1', '::ffff:10.0.0.1', '1::']) {
    expect(memberIpProblem(ip, false)).toBeNull()
  }
})
