/**
 * The words the page sends with every change for the audit trail (ADR 015): a request's
 * `change` (see `RequestInit_`) becomes the `X-Console-Change` header here, in one place,
 * for the request that is sent and for the curl that shows it. Pure (no imports): the
 * audit contract in `api/console` and the server's recorder read the same vocabulary.
 */

/**
 * The header the page sends with every change: form-encoded words it knows and the API
 * may not answer with (a deleted application's name, a device's display name). Only used
 * for names and to tell start from stop; kind, id, outcome and operator come from what the
 * server saw.
 */
export const CHANGE_HEADER = 'X-Console-Change'

/** What a change did, in one word each; `change` when the console could not tell. */
export const CHANGE_ACTIONS = [
  'deploy',
  'start',
  'stop',
  'redeploy',
  'update-artifact',
  'delete',
  'unregister',
  'create',
  'add-server',
  'remove-server',
  'enable',
  'disable',
  'change-status',
  'remove',
  'edit',
  'generate-keys',
  'change',
] as const
export type ChangeAction = (typeof CHANGE_ACTIONS)[number]

/** What the page says about one change. */
export interface ChangeLabel {
  action?: ChangeAction
  /** The resource's name: the application, server, group, cluster, device or client application. */
  name?: string
  /** The other party: the target of an application, the server joining or leaving a group. */
  on?: string
}

/** The header for a change, or an empty object when there is nothing to say. */
export function changeHeaders(label: ChangeLabel | undefined): Record<string, string> {
  const params = new URLSearchParams()
  if (label?.action) params.set('action', label.action)
  if (label?.name) params.set('name', label.name)
  if (label?.on) params.set('on', label.on)
  const value = params.toString()
  return value ? { [CHANGE_HEADER]: value } : {}
}
