import { execFileSync } from 'node:child_process'
import { expect, test } from 'vitest'
import { HOSTILE_VALUES, shellStubs } from '../test/shell-stubs.ts'
import { describeRequest, pathWithQuery, toCurl, type RequestInit_ } from './describe-request.ts'

const ORIGIN = 'http://localhost:5173'
const scope = { orgId: 'org-1', envId: 'env-1' }

function curl(init: RequestInit_): string {
  return toCurl(describeRequest(init), ORIGIN)
}

/** What a POSIX shell makes of the `--data` argument of a rendered command. */
function shellValueOfData(command: string, env: Record<string, string>): string {
  const line = command.split('\n').find((l) => l.trimStart().startsWith('--data '))
  if (!line) throw new Error(`no --data line in:\n${command}`)
  const argument = line.trimStart().slice('--data '.length)
  return execFileSync('sh', ['-c', `printf '%s' ${argument}`], { env, encoding: 'utf8' })
}

test('pathWithQuery keeps only defined parameters, in order, URL-encoded', () => {
  expect(pathWithQuery('/p', { b: 2, a: 'x y', skip: undefined, flag: false })).toBe(
    '/p?b=2&a=x+y&flag=false',
  )
  expect(pathWithQuery('/p', { skip: undefined })).toBe('/p')
  expect(pathWithQuery('/p')).toBe('/p')
})

test('a GET with a query renders the full URL and the scope headers, with $TOKEN for the bearer token', () => {
  expect(
    curl({
      method: 'GET',
      path: '/hybrid/api/v1/applications',
      query: { targetId: 42, q: 'a b&c', skip: undefined },
      scope,
    }),
  ).toBe(
    [
      `curl -X GET 'http://localhost:5173/hybrid/api/v1/applications?targetId=42&q=a+b%26c'`,
      `  -H "Authorization: Bearer $TOKEN"`,
      `  -H 'X-ANYPNT-ORG-ID: org-1'`,
      `  -H 'X-ANYPNT-ENV-ID: env-1'`,
    ].join(' \\\n'),
  )
})

test('a DELETE carries the organization and environment headers and no body', () => {
  const description = describeRequest({ method: 'DELETE', path: '/hybrid/api/v1/servers/7', scope })
  expect(description).toEqual({
    method: 'DELETE',
    path: '/hybrid/api/v1/servers/7',
    headers: [
      ['Authorization', ['Bearer ', { variable: 'TOKEN' }]],
      ['X-ANYPNT-ORG-ID', ['org-1']],
      ['X-ANYPNT-ENV-ID', ['env-1']],
    ],
    body: undefined,
  })
  const command = toCurl(description, ORIGIN)
  expect(command).toMatch(/^curl -X DELETE 'http:\/\/localhost:5173\/hybrid\/api\/v1\/servers\/7'/)
  expect(command).toContain(`-H 'X-ANYPNT-ORG-ID: org-1'`)
  expect(command).toContain(`-H 'X-ANYPNT-ENV-ID: env-1'`)
  expect(command).not.toContain('--data')
})

test('the form-encoded token call shows $CLIENT_SECRET instead of the secret and sends no bearer token', () => {
  const command = curl({
    method: 'POST',
    path: '/accounts/api/v2/oauth2/token',
    auth: 'none',
    body: new URLSearchParams({
      client_id: 'demo-administrator',
      client_secret: 'the-real-secret',
      grant_type: 'client_credentials',
    }),
  })
  expect(command).toBe(
    [
      `curl -X POST 'http://localhost:5173/accounts/api/v2/oauth2/token'`,
      `  -H 'Content-Type: application/x-www-form-urlencoded'`,
      `  --data "client_id=demo-administrator&client_secret=$CLIENT_SECRET&grant_type=client_credentials"`,
    ].join(' \\\n'),
  )
  expect(command).not.toContain('the-real-secret')
  expect(command).not.toContain('Authorization')
})

test('secret fields of a JSON body become shell variables, at any depth', () => {
  const init: RequestInit_ = {
    method: 'POST',
    path: '/api/am/store/v0.10/applications/generate-keys',
    body: {
      name: 'web',
      keys: [{ consumerKey: 'ck', consumerSecret: 'hidden-1' }],
      password: 'hidden-2',
    },
  }
  const description = describeRequest(init)
  expect(description.body).toEqual({
    kind: 'text',
    text: [
      '{"name":"web","keys":[{"consumerKey":"ck","consumerSecret":"',
      { variable: 'CONSUMER_SECRET' },
      '"}],"password":"',
      { variable: 'PASSWORD' },
      '"}',
    ],
  })
  expect(description.headers).toContainEqual(['Content-Type', ['application/json']])
  const command = toCurl(description, ORIGIN)
  expect(command).not.toMatch(/hidden-1|hidden-2/)
  // Data single-quoted, only the placeholders double-quoted between them.
  expect(command).toContain(
    `--data '{"name":"web","keys":[{"consumerKey":"ck","consumerSecret":"'"$CONSUMER_SECRET"'"}],"password":"'"$PASSWORD"'"}'`,
  )
  expect(shellValueOfData(command, { CONSUMER_SECRET: 's1', PASSWORD: 's2' })).toBe(
    JSON.stringify({
      ...init.body,
      keys: [{ consumerKey: 'ck', consumerSecret: 's1' }],
      password: 's2',
    }),
  )
})

test('a JSON body without secrets is single-quoted verbatim', () => {
  const command = curl({
    method: 'PATCH',
    path: '/hybrid/api/v1/applications/5',
    body: { desiredStatus: 'STARTED' },
    scope,
  })
  expect(command).toContain(`-H 'Content-Type: application/json'`)
  expect(command.endsWith(`--data '{"desiredStatus":"STARTED"}'`)).toBe(true)
})

test('multipart FormData: text parts as --form-string (no @file or <file reads), a File part as -F file=@name', () => {
  const form = new FormData()
  form.append('artifactName', 'orders-api')
  form.append(
    'file',
    new File(['abc'], 'orders-api-1.0.0.jar', { type: 'application/java-archive' }),
  )
  form.append('targetId', '100001')
  const description = describeRequest({
    method: 'POST',
    path: '/hybrid/api/v1/applications',
    body: form,
    scope,
  })
  expect(description.body).toEqual({
    kind: 'multipart',
    parts: [
      { name: 'artifactName', value: 'orders-api' },
      {
        name: 'file',
        value: 'orders-api-1.0.0.jar',
        file: { name: 'orders-api-1.0.0.jar', size: 3, type: 'application/java-archive' },
      },
      { name: 'targetId', value: '100001' },
    ],
  })
  // The browser sets the multipart boundary itself, so no Content-Type is shown or sent.
  expect(description.headers.map(([name]) => name)).not.toContain('Content-Type')
  const command = toCurl(description, ORIGIN)
  expect(command).toContain(
    `--form-string 'artifactName=orders-api' \\\n  -F 'file=@orders-api-1.0.0.jar' \\\n  --form-string 'targetId=100001'`,
  )
})

test('a value containing a single quote is shell-quoted by closing, escaping and reopening', () => {
  const command = curl({ method: 'GET', path: '/x', headers: { 'X-Note': "it's" } })
  expect(command).toContain(`-H 'X-Note: it'\\''s'`)
  expect(command).toBe(
    `curl -X GET 'http://localhost:5173/x' \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H 'X-Note: it'\\''s'`,
  )
})

test('a JSON body with a single quote survives a real shell unchanged', () => {
  const body = { name: "O'Brien's app", note: 'a "quoted" word' }
  const command = curl({ method: 'POST', path: '/x', body })
  expect(shellValueOfData(command, {})).toBe(JSON.stringify(body))
})

test('data next to a secret variable is not expanded or executed by the shell', () => {
  const body = { name: 'x $(echo pwned) `echo pwned` $HOME ${PATH} \\ done', password: 'real' }
  const command = curl({ method: 'POST', path: '/x', body })
  expect(command).toContain('$PASSWORD')
  expect(
    shellValueOfData(command, { PASSWORD: 'from-env', HOME: '/home/someone', PATH: '/bin' }),
  ).toBe(JSON.stringify({ ...body, password: 'from-env' }))
})

test('the bearer token of the session is never part of a description, only Bearer $TOKEN', () => {
  sessionStorage.setItem(
    'runtime-console.session',
    JSON.stringify({
      accessToken: 'demo.secret-token',
      expiresAt: Date.now() + 60_000,
      clientId: 'c',
    }),
  )
  const description = describeRequest({ method: 'GET', path: '/hybrid/api/v1/servers', scope })
  expect(JSON.stringify(description)).not.toContain('secret-token')
  expect(toCurl(description, ORIGIN)).toContain(`-H "Authorization: Bearer $TOKEN"`)
})

test("auth 'none' leaves out the Authorization header; extra headers follow the scope headers", () => {
  const description = describeRequest({
    method: 'GET',
    path: '/p',
    auth: 'none',
    scope,
    headers: { 'X-Request-ID': 'r1' },
  })
  expect(description.headers).toEqual([
    ['X-ANYPNT-ORG-ID', ['org-1']],
    ['X-ANYPNT-ENV-ID', ['env-1']],
    ['X-Request-ID', ['r1']],
  ])
})

test('a change sends its words as X-Console-Change after the own headers, and leaves empty words out', () => {
  const description = describeRequest({
    method: 'PUT',
    path: '/p',
    auth: 'none',
    headers: { 'If-Match': '"v1"' },
    change: { action: 'edit', name: 'Partner & Co', on: undefined },
  })
  expect(description.headers).toEqual([
    ['If-Match', ['"v1"']],
    ['X-Console-Change', ['action=edit&name=Partner+%26+Co']],
  ])
  expect(
    describeRequest({ method: 'DELETE', path: '/p', auth: 'none', change: {} }).headers,
  ).toEqual([])
})

test('pasted into bash, every rendered curl runs curl once with exactly the data, only the placeholders expanded', () => {
  const stubs = shellStubs(['curl'])
  try {
    const env = { TOKEN: 'tok-from-env', PASSWORD: 'pw-from-env', CLIENT_SECRET: 'cs-from-env' }
    const run = (init: RequestInit_) => stubs.run(curl(init), env).slice(1)
    for (const value of HOSTILE_VALUES) {
      const body = { name: value, nested: [{ note: value }], password: 'never-shown' }
      expect(
        run({
          method: 'PUT',
          path: '/x',
          query: { q: value },
          headers: { 'If-Match': value },
          body,
        }),
      ).toEqual([
        '-X',
        'PUT',
        ORIGIN + pathWithQuery('/x', { q: value }),
        '-H',
        'Authorization: Bearer tok-from-env',
        '-H',
        `If-Match: ${value}`,
        '-H',
        'Content-Type: application/json',
        '--data',
        JSON.stringify({ ...body, password: 'pw-from-env' }),
      ])
      const form = new URLSearchParams({ client_id: value, client_secret: 'never-shown' })
      expect(run({ method: 'POST', path: '/t', auth: 'none', body: form })).toEqual([
        '-X',
        'POST',
        `${ORIGIN}/t`,
        '-H',
        'Content-Type: application/x-www-form-urlencoded',
        '--data',
        new URLSearchParams({ client_id: value, client_secret: 'cs-from-env' }).toString(),
      ])
      const parts = new FormData()
      parts.append('artifactName', value)
      parts.append('file', new File(['a'], `${value}.jar`))
      expect(run({ method: 'POST', path: '/m', auth: 'none', body: parts })).toEqual([
        '-X',
        'POST',
        `${ORIGIN}/m`,
        '--form-string',
        `artifactName=${value}`,
        '-F',
        `file=@${value}.jar`,
      ])
    }
    expect(stubs.pwned()).toBe(false)
  } finally {
    stubs.remove()
  }
})
