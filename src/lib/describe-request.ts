import { changeHeaders, type ChangeLabel } from './change-label.ts'
import { shellQuote, shellQuoteText, type ShellText, type ShellVariable } from './shell-quote.ts'

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
  /** A change's words for the audit trail, sent as `X-Console-Change` (ADR 015). */
  change?: ChangeLabel
  /** Organization and environment for the Runtime Manager headers. */
  scope?: EnvScope
  /** `none` for the token call itself; defaults to sending the bearer token. */
  auth?: 'bearer' | 'none'
}

/**
 * A request as shown to a person: secrets replaced by shell variables. Header values and
 * text bodies keep data and placeholders apart (`ShellText`), so that data reading
 * `$TOKEN` is never mistaken for the console's placeholder when rendered as curl.
 */
export interface RequestDescription {
  method: string
  /** Path and query string. */
  path: string
  headers: ReadonlyArray<readonly [string, ShellText]>
  /** Text body (JSON or form-encoded, secrets redacted), or multipart parts. */
  body?:
    { kind: 'text'; text: ShellText } | { kind: 'multipart'; parts: ReadonlyArray<MultipartPart> }
}

export interface MultipartPart {
  name: string
  /** The text value, or the file name and size for a file part. */
  value: string
  file?: { name: string; size: number; type: string }
}

/**
 * Body fields whose values never appear in a description (nor in an ApiError's request):
 * the OAuth form fields, the console's own sign-in (`clientSecret`) and the store's keys.
 */
const SECRET_FIELDS = new Set([
  'client_secret',
  'clientSecret',
  'password',
  'consumerSecret',
  'access_token',
  'refresh_token',
])

/** `consumerSecret` → `CONSUMER_SECRET`, `client_secret` → `CLIENT_SECRET`. */
function variableFor(field: string): ShellVariable {
  return { variable: field.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase() }
}

const TOKEN: ShellVariable = { variable: 'TOKEN' }

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

/**
 * JSON text of `value` with every secret field's value replaced by its placeholder (a
 * quoted JSON string once the reader's variable is expanded).
 */
function redactedJson(value: unknown, out: Array<string | ShellVariable>): void {
  if (Array.isArray(value)) {
    out.push('[')
    value.forEach((item, i) => {
      if (i > 0) out.push(',')
      // JSON.stringify writes null for what JSON cannot hold (undefined, functions).
      redactedJson(item === undefined || typeof item === 'function' ? null : item, out)
    })
    out.push(']')
  } else if (value !== null && typeof value === 'object' && !('toJSON' in value)) {
    out.push('{')
    let first = true
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function') continue
      out.push(`${first ? '' : ','}${JSON.stringify(k)}:`)
      first = false
      if (SECRET_FIELDS.has(k)) out.push('"', variableFor(k), '"')
      else redactedJson(v, out)
    }
    out.push('}')
  } else {
    out.push(JSON.stringify(value) ?? 'null')
  }
}

/** Adjacent literal parts joined, so the rendered command has as few quote switches as can be. */
function compact(parts: ReadonlyArray<string | ShellVariable>): ShellText {
  const out: Array<string | ShellVariable> = []
  for (const part of parts) {
    const last = out[out.length - 1]
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part
    else out.push(part)
  }
  return out
}

/**
 * The headers a request itself asks for: its own `headers`, then its change's words. The
 * same for the call that is sent and the curl that shows it.
 */
export function ownHeaders(init: RequestInit_): Record<string, string> {
  return { ...init.headers, ...changeHeaders(init.change) }
}

/**
 * The request as a person should see it: the bearer token becomes `$TOKEN` and secret
 * fields become shell variables, so a copied command never leaks a credential.
 */
export function describeRequest(init: RequestInit_): RequestDescription {
  const headers: Array<readonly [string, ShellText]> = []
  if (init.auth !== 'none') headers.push(['Authorization', ['Bearer ', TOKEN]])
  if (init.scope) {
    headers.push(['X-ANYPNT-ORG-ID', [init.scope.orgId]])
    headers.push(['X-ANYPNT-ENV-ID', [init.scope.envId]])
  }
  for (const [k, v] of Object.entries(ownHeaders(init))) headers.push([k, [v]])

  let body: RequestDescription['body']
  if (init.body instanceof URLSearchParams) {
    headers.push(['Content-Type', ['application/x-www-form-urlencoded']])
    const parts: Array<string | ShellVariable> = []
    let first = true
    for (const [k, v] of init.body) {
      // Each pair encoded as URLSearchParams would encode it, the secret left to the reader.
      const pair = new URLSearchParams([[k, SECRET_FIELDS.has(k) ? '' : v]]).toString()
      parts.push(first ? '' : '&')
      first = false
      if (SECRET_FIELDS.has(k)) parts.push(pair, variableFor(k))
      else parts.push(pair)
    }
    body = { kind: 'text', text: compact(parts) }
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
    headers.push(['Content-Type', ['application/json']])
    const parts: Array<string | ShellVariable> = []
    redactedJson(init.body, parts)
    body = { kind: 'text', text: compact(parts) }
  }
  return { method: init.method, path: pathWithQuery(init.path, init.query), headers, body }
}

/**
 * Renders a request as the equivalent `curl` command against `origin`. Credentials stay
 * as shell variables (`$TOKEN`, `$CLIENT_SECRET`) for the reader to supply; every other
 * value is quoted so that pasting runs this one command with exactly these arguments.
 */
export function toCurl(description: RequestDescription, origin: string): string {
  const lines = [`curl -X ${description.method} ${shellQuote(origin + description.path)}`]
  for (const [name, value] of description.headers)
    lines.push(`-H ${shellQuoteText([`${name}: `, ...value])}`)
  const body = description.body
  if (body?.kind === 'text') {
    lines.push(`--data ${shellQuoteText(body.text)}`)
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
