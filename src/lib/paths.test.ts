import { expect, test } from 'vitest'
import { idFromPath, paths, safeReturnTo, targetKindOf } from './paths.ts'

test('safeReturnTo keeps same-app paths with their query and hash', () => {
  expect(safeReturnTo('/env/abc/servers?status=RUNNING&sort=name#top')).toBe(
    '/env/abc/servers?status=RUNNING&sort=name#top',
  )
  expect(safeReturnTo('/')).toBe('/')
})

test('safeReturnTo falls back to / when there is no value', () => {
  expect(safeReturnTo(null)).toBe('/')
  expect(safeReturnTo('')).toBe('/')
})

test('safeReturnTo rejects protocol-relative URLs such as //evil.com', () => {
  expect(safeReturnTo('//evil.com')).toBe('/')
  expect(safeReturnTo('//evil.com/env/abc')).toBe('/')
})

test('safeReturnTo rejects paths a browser would read as another host (/\\evil.com, /<tab>/evil.com)', () => {
  expect(safeReturnTo('/\\evil.com')).toBe('/')
  expect(safeReturnTo('/\\/evil.com')).toBe('/')
  expect(safeReturnTo('/\t/evil.com')).toBe('/')
  expect(safeReturnTo('/\n/evil.com')).toBe('/')
})

test('safeReturnTo rejects absolute URLs and scheme tricks', () => {
  expect(safeReturnTo('https://evil.com/')).toBe('/')
  expect(safeReturnTo('http://localhost:5173/env/abc')).toBe('/')
  expect(safeReturnTo('javascript:alert(1)')).toBe('/')
  expect(safeReturnTo('env/abc')).toBe('/')
})

test('safeReturnTo never sends the operator back to the sign-in page (no loops)', () => {
  expect(safeReturnTo('/signin')).toBe('/')
  expect(safeReturnTo('/signin?returnTo=%2Fsignin')).toBe('/')
})

test('every accepted returnTo stays on the app origin', () => {
  for (const value of [
    '/env/a',
    '/a//b',
    '/%2F%2Fevil.com',
    '/..//evil.com',
    '/\\evil.com',
    '/ /evil.com',
  ]) {
    const kept = safeReturnTo(value)
    expect(new URL(kept, 'http://app.test').origin).toBe('http://app.test')
  }
})

test('paths.signIn only carries a returnTo other than /, URL-encoded', () => {
  expect(paths.signIn()).toBe('/signin')
  expect(paths.signIn('/')).toBe('/signin')
  expect(paths.signIn('/env/a b/servers?x=1')).toBe(
    '/signin?returnTo=%2Fenv%2Fa%20b%2Fservers%3Fx%3D1',
  )
})

test('environment paths encode their segments', () => {
  expect(paths.servers('e/1', 'status=RUNNING')).toBe('/env/e%2F1/servers?status=RUNNING')
  expect(paths.server('e1', 100_001)).toBe('/env/e1/servers/100001')
})

test('an id from a path is a whole number or NaN, never a guess', () => {
  expect(idFromPath('100072')).toBe(100072)
  for (const bad of ['', '12abc', '-1', '1e3', ' 7', '0x1f']) expect(idFromPath(bad)).toBeNaN()
})

test('a target kind maps to one path: groups under server-groups, clusters under clusters', () => {
  expect(paths.target('env 1', 'group', 7)).toBe('/env/env%201/server-groups/7')
  expect(paths.target('env 1', 'cluster', '7')).toBe('/env/env%201/clusters/7')
  expect(paths.targets('e', 'group', 'q=web')).toBe('/env/e/server-groups?q=web')
  expect(paths.targets('e', 'cluster')).toBe('/env/e/clusters')
  expect(paths.serverGroup('e', 3)).toBe(paths.target('e', 'group', 3))
  expect(paths.cluster('e', 3)).toBe(paths.target('e', 'cluster', 3))
})

test('the API words for a target (application target type, audit resource kind) give its kind', () => {
  const kindOfWord = {
    SERVER_GROUP: 'group',
    'server-group': 'group',
    CLUSTER: 'cluster',
    cluster: 'cluster',
    SERVER: null,
  }
  for (const [word, kind] of Object.entries(kindOfWord)) expect(targetKindOf(word)).toBe(kind)
})
