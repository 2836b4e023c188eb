import { errorFromBody } from '../../lib/api-error.ts'
import { CHANGE_HEADER, type ChangeLabel } from '../../lib/change-label.ts'
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditFamily,
  type AuditOutcome,
  type AuditResourceKind,
  type NewAuditEntry,
} from './audit-schemas.ts'

// The label is part of this module's API (`LabelledId`); it is defined with its header.
export type { ChangeLabel } from '../../lib/change-label.ts'

/**
 * What a change was, in words, from what passed through: the method and path, the answer,
 * and the words the page sent with the request. One function for the production server's
 * recorder and the demo backend, so both keep the same entries (ADR 015).
 */

/** Text from the page or the API, kept as words: no control characters, bounded length. */
function clean(value: unknown, max = 200): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value)
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
  if (!text) return undefined
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function readLabel(headers: Readonly<Record<string, string>>): ChangeLabel {
  const raw = headers[CHANGE_HEADER.toLowerCase()]
  if (!raw) return {}
  let params: URLSearchParams
  try {
    params = new URLSearchParams(raw)
  } catch {
    return {}
  }
  const action = params.get('action')
  return {
    action: AUDIT_ACTIONS.find((a) => a === action),
    name: clean(params.get('name')),
    on: clean(params.get('on')),
  }
}

/** An exchange as the recorder sees it (the proxy's, or the demo backend's own). */
export interface ObservedExchange {
  family: AuditFamily
  method: string
  /** Path and query as the page sent them. */
  url: string
  /** Lower-case names; never Authorization or Cookie. */
  requestHeaders: Readonly<Record<string, string>>
  status: number
  responseText: string | undefined
  startedAt: number
  durationMs: number
  requestId: string
  operator: string
  organization: string | null
  /** The JSON request body when the recorder has it (the demo backend); the proxy does not. */
  requestBody?: unknown
}

const CHANGE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Sign-ins are not changes: the token endpoints are recorded by nobody. */
function isSignIn(path: string): boolean {
  return /\/oauth2\/token$|\/token$|\/client-registration\//.test(path)
}

/** Whether an exchange is a change the trail records (cheap: method and path only). */
export function isRecordedChange(method: string, url: string): boolean {
  return CHANGE_METHODS.has(method.toUpperCase()) && !isSignIn(url.split('?')[0] ?? url)
}

const TRANSACTION_PATH =
  /^\/mfpadmin\/management-apis\/2\.0\/runtimes\/([^/?]+)\/transactions(?:\/([^/?]+))?(?:\?|$)/

/**
 * A MobileFirst transaction read by the page, cheaply recognised: one transaction
 * (`GET .../transactions/{id}`, how the page follows a queued change) or the list (the
 * page's recent transactions, which may see the end first).
 */
export function isTransactionRead(method: string, url: string): boolean {
  return method.toUpperCase() === 'GET' && TRANSACTION_PATH.test(url)
}

/** A final transaction state seen in a transaction read: what to write onto its entry. */
export interface TransactionSettled {
  runtime: string
  transactionId: string
  transactionStatus: string
  outcome: AuditOutcome
  message: string | null
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseJson(text: string | undefined): Json | undefined {
  if (!text) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return isObject(value) ? value : undefined
  } catch {
    return undefined
  }
}

function field(value: unknown, ...keys: string[]): unknown {
  let current = value
  for (const key of keys) {
    if (!isObject(current)) return undefined
    current = current[key]
  }
  return current
}

function transactionOutcome(status: string, ok: unknown): AuditOutcome {
  if (status === 'SUCCESS') return ok === false ? 'failure' : 'success'
  if (status === 'FAILURE' || status === 'CANCELED') return 'failure'
  return 'pending'
}

function transactionMessage(tx: unknown): string | null {
  const errors = field(tx, 'errors')
  if (!Array.isArray(errors)) return null
  const details = errors.map((e) => clean(field(e, 'details'), 500)).filter(Boolean)
  return details.length > 0 ? details.join('; ') : null
}

function settledOne(runtime: string, tx: unknown): TransactionSettled | null {
  const id = clean(field(tx, 'id'), 80)
  const status = clean(field(tx, 'status'), 40)
  if (!id || !status) return null
  const outcome = transactionOutcome(status, undefined)
  if (outcome === 'pending') return null
  return {
    runtime,
    transactionId: id,
    transactionStatus: status,
    outcome,
    message: outcome === 'failure' ? transactionMessage(tx) : null,
  }
}

/**
 * The transactions a read shows as ended (none when it is not a transaction read): what to
 * write onto the entries of queued changes that are still open.
 */
export function settledTransactions(
  method: string,
  url: string,
  status: number,
  responseText: string | undefined,
): TransactionSettled[] {
  if (status !== 200 || !isTransactionRead(method, url)) return []
  const match = TRANSACTION_PATH.exec(url)
  const body = parseJson(responseText)
  if (!match?.[1] || !body) return []
  const runtime = decodeSegment(match[1]) ?? match[1]
  const items = match[2] ? [body] : field(body, 'items')
  if (!Array.isArray(items)) return []
  return items.flatMap((tx) => settledOne(runtime, tx) ?? [])
}

/** The API's own message of a failed answer (each family words it differently). */
function failureMessage(body: Json | undefined, status: number): string {
  const message = clean(errorFromBody(body).message, 500) ?? clean(field(body, 'description'), 500)
  return message ?? `HTTP ${status}`
}

const SECRET_KEY = /secret|password|token|^key$|consumerKey/i

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (isObject(value)) {
    const out: Json = {}
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_KEY.test(k) ? '$REDACTED' : redact(v)
    return out
  }
  return value
}

/** Only these request headers are kept for the curl view: no credential can be among them. */
const KEPT_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['x-anypnt-org-id', 'X-ANYPNT-ORG-ID'],
  ['x-anypnt-env-id', 'X-ANYPNT-ENV-ID'],
  ['if-match', 'If-Match'],
  ['content-type', 'Content-Type'],
]

function safePath(url: string): string {
  const [path = url, query] = url.split('?', 2)
  if (!query) return path
  const params = new URLSearchParams(query)
  for (const key of [...params.keys()]) if (SECRET_KEY.test(key)) params.set(key, '$REDACTED')
  return `${path}?${params.toString()}`
}

function decodeSegment(segment: string | undefined): string | null {
  if (segment === undefined) return null
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function formatBytes(size: unknown): string | undefined {
  return typeof size === 'number' && Number.isFinite(size)
    ? `${size.toLocaleString('en-US')} bytes`
    : undefined
}

interface Described {
  action: AuditAction
  kind: AuditResourceKind | null
  id: string | null
  name: string | null
  runtime?: string
  summary: string
  details?: string
  /** MobileFirst changes: their transaction decides the outcome. */
  transaction?: unknown
  transactionOk?: unknown
}

const KIND_WORDS: Record<AuditResourceKind, string> = {
  application: 'application',
  server: 'server',
  'server-group': 'server group',
  cluster: 'cluster',
  device: 'device',
  'client-application': 'client application',
}

function words(action: string, kind: AuditResourceKind, name: string, on?: string): string {
  return `${action.replace(/-/g, ' ')} ${KIND_WORDS[kind]} ${name}${on ? ` on ${on}` : ''}`
}

/** A change of one resource, summed up in `words`: "delete cluster eu-west". */
function plainChange(
  action: AuditAction,
  kind: AuditResourceKind,
  id: string | null,
  name: string,
  on?: string,
): Described {
  return { action, kind, id, name, summary: words(action, kind, name, on) }
}

/** A create: the new resource's id and name from the answer, else the name the page sent. */
function createChange(
  kind: AuditResourceKind,
  id: unknown,
  answeredName: string | undefined,
  label: ChangeLabel,
): Described {
  return plainChange('create', kind, clean(id) ?? null, answeredName ?? label.name ?? 'new')
}

function artifactDetails(artifact: unknown): string | undefined {
  if (!isObject(artifact)) return undefined
  const parts = [
    clean(artifact.fileName) ?? clean(artifact.name),
    formatBytes(artifact.fileSize),
    clean(artifact.fileChecksum) ? `checksum ${clean(artifact.fileChecksum)}` : undefined,
  ].filter(Boolean)
  return parts.length > 0 ? `artifact ${parts.join(', ')}` : undefined
}

/** What a family's describer reads of an exchange. */
interface Seen {
  method: string
  /** The path's segments after the family's base. */
  segments: string[]
  query: URLSearchParams
  /** The answer's JSON. */
  body: Json | undefined
  label: ChangeLabel
  requestBody: unknown
}

function describeArm({ method, segments, body, label, requestBody }: Seen): Described | null {
  // segments after /hybrid/api/v1
  const [collection, rawId, sub, rawSub] = segments
  const id = decodeSegment(rawId)
  const data = field(body, 'data')
  const answeredName = clean(field(data, 'name'))
  if (collection === 'applications') {
    const on = clean(field(data, 'target', 'name')) ?? label.on
    if (method === 'POST' && !rawId) {
      const newId = clean(field(data, 'id'))
      const name = answeredName ?? clean(field(data, 'artifact', 'name')) ?? label.name ?? 'new'
      return {
        action: 'deploy',
        kind: 'application',
        id: newId ?? null,
        name,
        summary: words('deploy', 'application', name, on),
        details: artifactDetails(field(data, 'artifact')),
      }
    }
    if (!id) return null
    const name = answeredName ?? label.name ?? id
    if (method === 'PATCH') {
      const desired = field(requestBody, 'desiredStatus')
      const action: AuditAction =
        label.action && ['start', 'stop', 'redeploy', 'update-artifact'].includes(label.action)
          ? label.action
          : desired === 'STARTED'
            ? 'start'
            : desired === 'STOPPED'
              ? 'stop'
              : 'change'
      return {
        action,
        kind: 'application',
        id,
        name,
        summary: words(action, 'application', name, on),
        details:
          action === 'update-artifact' ? artifactDetails(field(data, 'artifact')) : undefined,
      }
    }
    if (method === 'DELETE') return plainChange('delete', 'application', id, name, on)
    return null
  }
  if (collection === 'servers' && method === 'DELETE' && id && !sub) {
    return plainChange('unregister', 'server', id, label.name ?? id)
  }
  if (collection === 'serverGroups' || collection === 'clusters') {
    const kind: AuditResourceKind = collection === 'clusters' ? 'cluster' : 'server-group'
    if (method === 'POST' && !rawId)
      return createChange(kind, field(data, 'id'), answeredName, label)
    if (!id) return null
    const name = answeredName ?? label.name ?? id
    if (sub === 'servers') {
      const server =
        label.on ?? decodeSegment(rawSub) ?? clean(field(requestBody, 'serverId')) ?? 'a server'
      if (method !== 'POST' && method !== 'DELETE') return null
      const add = method === 'POST'
      const change = add ? `add server ${server} to` : `remove server ${server} from`
      return {
        action: add ? 'add-server' : 'remove-server',
        kind,
        id,
        name,
        summary: `${change} ${KIND_WORDS[kind]} ${name}`,
      }
    }
    if (method === 'DELETE' && !sub) return plainChange('delete', kind, id, name)
  }
  return null
}

function describeMfp({ method, segments, body, label, requestBody }: Seen): Described | null {
  // segments after /mfpadmin/management-apis/2.0: runtimes/{rt}/devices/{id}[/applications/{app}]
  const [runtimes, rawRuntime, devices, rawDevice, applications, rawApp] = segments
  if (runtimes !== 'runtimes' || devices !== 'devices' || !rawRuntime || !rawDevice) return null
  const runtime = decodeSegment(rawRuntime) ?? rawRuntime
  const deviceId = decodeSegment(rawDevice) ?? rawDevice
  const name = label.name ?? deviceId
  const tx = field(body, 'transaction')
  const common = {
    kind: 'device' as const,
    id: deviceId,
    name,
    runtime,
    transaction: tx,
    transactionOk: field(body, 'ok'),
  }
  const wanted =
    clean(field(tx, 'description', 'status'), 40) ?? clean(field(requestBody, 'status'), 40)
  if (applications === 'applications' && rawApp && method === 'PUT') {
    const app = clean(field(tx, 'description', 'appName')) ?? decodeSegment(rawApp) ?? rawApp
    const action: AuditAction =
      wanted === 'ENABLED'
        ? 'enable'
        : wanted === 'DISABLED'
          ? 'disable'
          : (label.action ?? 'change')
    return { ...common, action, summary: `${action} ${app} on device ${name}` }
  }
  if (!applications && method === 'PUT') {
    return {
      ...common,
      action: 'change-status',
      summary: `set device ${name}${wanted ? ` to ${wanted}` : ''}`,
    }
  }
  if (!applications && method === 'DELETE')
    return { ...common, action: 'remove', summary: `remove device ${name}` }
  return null
}

function describeStore({ method, segments, query, body, label }: Seen): Described | null {
  // segments after /api/am/store/v0.10
  const [collection, rawId] = segments
  if (collection !== 'applications') return null
  const kind = 'client-application' as const
  if (method === 'POST' && rawId === 'generate-keys') {
    const id = clean(query.get('applicationId')) ?? null
    const name = label.name ?? id ?? 'an application'
    const keyType = clean(field(body, 'keyType'), 20)
    // Only that keys were generated, and of which type: never the key, secret or token.
    return {
      action: 'generate-keys',
      kind,
      id,
      name,
      summary: `generate ${keyType ? `${keyType.toLowerCase()} ` : ''}keys for client application ${name}`,
      details: keyType ? `${keyType} keys generated` : 'keys generated',
    }
  }
  const answeredName = clean(field(body, 'name'))
  if (method === 'POST' && !rawId)
    return createChange(kind, field(body, 'applicationId'), answeredName, label)
  const id = decodeSegment(rawId)
  if (!id || segments.length > 2) return null
  const name = answeredName ?? label.name ?? id
  if (method === 'PUT') return plainChange('edit', kind, id, name)
  if (method === 'DELETE') return plainChange('delete', kind, id, name)
  return null
}

const FAMILY_BASES: Record<AuditFamily, readonly string[]> = {
  arm: ['/hybrid/api/v1/'],
  mfp: ['/mfpadmin/management-apis/2.0/'],
  store: ['/api/am/store/v0.10/'],
}

const DESCRIBERS: Record<AuditFamily, (seen: Seen) => Described | null> = {
  arm: describeArm,
  mfp: describeMfp,
  store: describeStore,
}

/**
 * The audit entry for a change, or null when the exchange is not one (a read, a sign-in).
 * Kind, id and outcome come from the path and the answer; names from the answer when it
 * carries them, else from the page's `X-Console-Change`, else the id. Nothing secret is
 * copied: only the answer's name, id, target, artifact metadata, key type and messages.
 */
export function describeChange(exchange: ObservedExchange): NewAuditEntry | null {
  const method = exchange.method.toUpperCase()
  if (!isRecordedChange(method, exchange.url)) return null
  const [pathOnly = exchange.url, queryText = ''] = exchange.url.split('?', 2)
  const label = readLabel(exchange.requestHeaders)
  const body = parseJson(exchange.responseText)
  const base = FAMILY_BASES[exchange.family].find((prefix) => pathOnly.startsWith(prefix))
  let described = base
    ? DESCRIBERS[exchange.family]({
        method,
        segments: pathOnly.slice(base.length).split('/').filter(Boolean),
        query: new URLSearchParams(queryText),
        body,
        label,
        requestBody: exchange.requestBody,
      })
    : null
  if (!described) {
    described = {
      action: label.action ?? 'change',
      kind: null,
      id: null,
      name: label.name ?? null,
      summary: `${method} ${pathOnly}`,
    }
  }

  const succeeded = exchange.status >= 200 && exchange.status < 300
  let outcome: AuditOutcome = succeeded ? 'success' : 'failure'
  let message = succeeded ? null : failureMessage(body, exchange.status)
  let transactionId: string | null = null
  let transactionStatus: string | null = null
  if (succeeded && described.transaction !== undefined) {
    transactionId = clean(field(described.transaction, 'id'), 80) ?? null
    transactionStatus = clean(field(described.transaction, 'status'), 40) ?? null
    if (transactionStatus) {
      outcome = transactionOutcome(transactionStatus, described.transactionOk)
      if (outcome === 'failure')
        message = transactionMessage(described.transaction) ?? `Transaction ${transactionStatus}`
    }
  }

  const headers: Array<[string, string]> = []
  for (const [name, shown] of KEPT_HEADERS) {
    const value = exchange.requestHeaders[name]
    // A multipart boundary says nothing worth keeping; curl sets its own.
    if (value && !(name === 'content-type' && value.startsWith('multipart/')))
      headers.push([shown, clean(value) ?? ''])
  }
  const requestBody =
    exchange.requestBody !== undefined && isObject(exchange.requestBody)
      ? JSON.stringify(redact(exchange.requestBody))
      : null

  return {
    time: exchange.startedAt,
    operator: clean(exchange.operator) ?? 'unknown',
    organization: clean(exchange.organization) ?? null,
    environment: clean(exchange.requestHeaders['x-anypnt-env-id'], 80) ?? null,
    family: exchange.family,
    action: described.action,
    resourceKind: described.kind,
    resourceId: described.id,
    resourceName: described.name,
    runtime: described.runtime ?? null,
    summary: described.summary,
    outcome,
    status: exchange.status,
    message,
    transactionId,
    transactionStatus,
    details: described.details ?? null,
    durationMs: Math.max(0, Math.round(exchange.durationMs)),
    requestId: clean(exchange.requestId, 100) ?? '',
    request: { method, path: safePath(exchange.url), headers, body: requestBody },
  }
}

/** What a mutation of one resource is given: its id, or its id with the words for the trail. */
export type LabelledId = number | { id: number; label: ChangeLabel }

export function idOf(target: LabelledId): number {
  return typeof target === 'number' ? target : target.id
}

export function labelOf(target: LabelledId): ChangeLabel {
  return typeof target === 'number' ? {} : target.label
}
