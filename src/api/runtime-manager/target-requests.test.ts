import { expect, test } from 'vitest'
import { ownHeaders } from '../../lib/describe-request.ts'
import { noContent, type RequestSpec } from '../../lib/request.ts'
import {
  addClusterServerRequest,
  clusterQueries,
  createClusterRequest,
  deleteClusterRequest,
  removeClusterServerRequest,
} from './clusters.ts'
import {
  addGroupServerRequest,
  createServerGroupRequest,
  deleteServerGroupRequest,
  removeGroupServerRequest,
  serverGroupQueries,
} from './server-groups.ts'
import { ClusterEnvelopeSchema, ServerGroupEnvelopeSchema } from './target-schemas.ts'

// The shared builders must send what each kind sent when it had its own copy.

const scope = { orgId: 'org', envId: 'env' }
const BASE = '/hybrid/api/v1'
const change = (value: string) => ({ 'X-Console-Change': value })

/** The spec a request should be on the wire: the change words become the header. */
function onWire(method: string, path: string, changeWords: string, rest: object) {
  return { method, path: `${BASE}${path}`, scope, headers: change(changeWords), ...rest }
}

/** A request as it goes on the wire: its change words become the header (ADR 015). */
function wire(spec: RequestSpec<unknown>) {
  const fields = Object.fromEntries(Object.entries(spec).filter(([key]) => key !== 'change'))
  return { ...fields, headers: ownHeaders(spec) }
}

test('create: POST to the collection with the body, named for the audit trail', () => {
  const group = { name: 'web', serverIds: [1, 2] }
  expect(wire(createServerGroupRequest(scope, group))).toEqual(
    onWire('POST', `/serverGroups`, 'action=create&name=web', {
      body: group,
      schema: ServerGroupEnvelopeSchema,
    }),
  )
  const cluster = {
    name: 'db',
    multicastEnabled: false,
    servers: [{ serverId: 3, serverIp: '10.0.0.3' }],
  }
  expect(wire(createClusterRequest(scope, cluster))).toEqual(
    onWire('POST', `/clusters`, 'action=create&name=db', {
      body: cluster,
      schema: ClusterEnvelopeSchema,
    }),
  )
})

test('delete: DELETE of the record, no body, the label in the header', () => {
  expect(wire(deleteServerGroupRequest(scope, 5, { name: 'web' }))).toEqual(
    onWire('DELETE', `/serverGroups/5`, 'action=delete&name=web', { schema: noContent }),
  )
  expect(wire(deleteClusterRequest(scope, 6))).toEqual(
    onWire('DELETE', `/clusters/6`, 'action=delete', { schema: noContent }),
  )
})

test('add a server: a group names it in the path, a cluster sends it with its IP', () => {
  const group = addGroupServerRequest(scope, 5, 7, { name: 'web', on: 'web-1' })
  expect(wire(group)).toEqual(
    onWire('POST', `/serverGroups/5/servers/7`, 'action=add-server&name=web&on=web-1', {
      schema: noContent,
    }),
  )
  expect('body' in group).toBe(false)
  expect(wire(addClusterServerRequest(scope, 6, { serverId: 7, serverIp: '10.0.0.7' }))).toEqual(
    onWire('POST', `/clusters/6/servers`, 'action=add-server', {
      body: { serverId: 7, serverIp: '10.0.0.7' },
      schema: noContent,
    }),
  )
})

test('remove a server: DELETE of the member under the record', () => {
  expect(wire(removeGroupServerRequest(scope, 5, 7, { name: 'web', on: 'web-1' }))).toEqual(
    onWire('DELETE', `/serverGroups/5/servers/7`, 'action=remove-server&name=web&on=web-1', {
      schema: noContent,
    }),
  )
  expect(wire(removeClusterServerRequest(scope, 6, 7))).toEqual(
    onWire('DELETE', `/clusters/6/servers/7`, 'action=remove-server', { schema: noContent }),
  )
})

test('query keys stay scoped by environment, one word per kind', () => {
  expect(serverGroupQueries.all(scope)).toEqual(['runtime-manager', 'org', 'env', 'server-groups'])
  expect(serverGroupQueries.list(scope).queryKey).toEqual([
    'runtime-manager',
    'org',
    'env',
    'server-groups',
    'list',
  ])
  expect(clusterQueries.detail(scope, 6).queryKey).toEqual([
    'runtime-manager',
    'org',
    'env',
    'clusters',
    'detail',
    6,
  ])
})
