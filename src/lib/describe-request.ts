/** A query-string value; `undefined` leaves the parameter out. */
export type QueryValue = string | number | boolean | undefined

/** JSON-serialisable request body. */
export type JsonBody = { readonly [key: string]: unknown } | readonly unknown[]

/** A request body: JSON, form-encoded fields, or multipart parts. */
export type RequestBody = JsonBody | URLSearchParams | FormData

/** Organization and environment of a Runtime Manager call (its X-ANYPNT-* headers). */
export interface EnvScope {
  readonly orgId: string
  readonly envId: string
}

/** Everything needed to send one API call, and to show it to a person first. */
export interface RequestInit_ {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Same-origin path including the API prefix, e.g. `/hybrid/api/v1/servers`. */
  path: string
  query?: Readonly<Record<string, QueryValue>>
  body?: RequestBody
  headers?: Readonly<Record<string, string>>
  /** Organization and environment for the Runtime Manager headers. */
  scope?: EnvScope
  /** `none` for the token call itself; defaults to sending the bearer token. */
  auth?: 'bearer' | 'none'
}

/** A request as shown to a person: secrets replaced by shell variables. */
export interface RequestDescription {
  method: string
  /** Path and query string. */
  path: string
  headers: ReadonlyArray<readonly [string, string]>
  /** Text body (JSON or form-encoded, secrets redacted), or multipart parts. */
  body?: { kind: 'text'; text: string } | { kind: 'multipart'; parts: ReadonlyArray<MultipartPart> }
}

export interface MultipartPart {
  name: string
  /** The text value, or the file name and size for a file part. */
  value: string
  file?: { name: string; size: number; type: string }
}

const SECRET_FIELDS = new Set(['client_secret', 'password', 'consumerSecret'])

/** Builds `path?query` with only the defined parameters, in the order given. */
export function pathWithQuery(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

function isFormData(body: RequestBody): body is FormData {
  return typeof FormData !== 'undefined' && body instanceof FormData
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_FIELDS.has(k)
        ? '$' + k.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()
        : redactJson(v)
    }
    return out
  }
  return value
}

/**
 * The request as a person should see it: the bearer token becomes `$TOKEN` and secret
 * fields become shell variables, so a copied command never leaks a credential.
 */
export function describeRequest(init: RequestInit_): RequestDescription {
  const headers: Array<readonly [string, string]> = []
  if (init.auth !== 'none') headers.push(['Authorization', 'Bearer $TOKEN'])
  if (init.scope) {
    headers.push(['X-ANYPNT-ORG-ID', init.scope.orgId])
    headers.push(['X-ANYPNT-ENV-ID', init.scope.envId])
  }
  for (const [k, v] of Object.entries(init.headers ?? {})) headers.push([k, v])

  let body: RequestDescription['body']
  if (init.body instanceof URLSearchParams) {
    headers.push(['Content-Type', 'application/x-www-form-urlencoded'])
    const shown = new URLSearchParams()
    for (const [k, v] of init.body)
      shown.append(k, SECRET_FIELDS.has(k) ? `$${k.toUpperCase()}` : v)
    body = { kind: 'text', text: shown.toString().replace(/%24([A-Z_]+)/g, '$$$1') }
  } else if (init.body && isFormData(init.body)) {
    const parts: MultipartPart[] = []
    for (const [name, value] of init.body) {
      if (typeof value === 'string') parts.push({ name, value })
      else
        parts.push({
          name,
          value: value.name,
          file: { name: value.name, size: value.size, type: value.type },
        })
    }
    body = { kind: 'multipart', parts }
  } else if (init.body !== undefined) {
    headers.push(['Content-Type', 'application/json'])
    body = { kind: 'text', text: JSON.stringify(redactJson(init.body)) }
  }
  return { method: init.method, path: pathWithQuery(init.path, init.query), headers, body }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * Double quotes keep `$TOKEN`-style variables expandable; everything else is single-quoted.
 * Inside double quotes any other `$` is escaped, so data such as `$(cmd)` is never run.
 */
function quoteWithVariables(value: string): string {
  return /\$[A-Z_]+/.test(value)
    ? `"${value.replace(/(["\\`]|\$(?!(?:TOKEN|CLIENT_SECRET|PASSWORD|CONSUMER_SECRET)\b))/g, '\\$1')}"`
    : shellQuote(value)
}

/**
 * Renders a request as the equivalent `curl` command against `origin`. Credentials stay
 * as shell variables (`$TOKEN`, `$CLIENT_SECRET`) for the reader to supply.
 */
export function toCurl(description: RequestDescription, origin: string): string {
  const lines = [`curl -X ${description.method} ${shellQuote(origin + description.path)}`]
  for (const [name, value] of description.headers)
    lines.push(`-H ${quoteWithVariables(`${name}: ${value}`)}`)
  const body = description.body
  if (body?.kind === 'text') {
    lines.push(`--data ${quoteWithVariables(body.text)}`)
  } else if (body?.kind === 'multipart') {
    for (const part of body.parts) {
      lines.push(
        part.file
          ? `-F ${shellQuote(`${part.name}=@${part.file.name}`)}`
          : `--form-string ${shellQuote(`${part.name}=${part.value}`)}`,
      )
    }
  }
  return lines.join(' \\\n  ')
}
