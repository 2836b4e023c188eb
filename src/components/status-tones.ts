import type { ApplicationState } from '../api/runtime-manager/application-status.ts'
import type { Tone } from './status-badge.tsx'

/** A status in operator words and colour, with a hint where the word alone does not say enough. */
export interface StatusWords {
  label: string
  tone: Tone
  hint?: string
}

/** A table's words for one value, with the API's own value (`raw`) for a tooltip or detail. */
export interface StatusReading extends StatusWords {
  raw: string
}

/**
 * The lookup of one table of status words (one object literal per API value set, whose
 * labels are plain English: a later step moves them into i18n catalogs as they are). A
 * status the table does not know (a newer backend's) is shown as the API spelled it, in
 * the `fallback` colour; every reading carries the API's value as `raw`.
 */
export function statusWords(
  table: Readonly<Record<string, StatusWords>>,
  fallback: Tone = 'neutral',
): (status: string) => StatusReading {
  // Own keys only: a status such as "constructor" must not find Object's prototype.
  return (status) => ({
    ...((Object.hasOwn(table, status) ? table[status] : undefined) ?? {
      label: status,
      tone: fallback,
    }),
    raw: status,
  })
}

/** Server statuses in operator words and colour. */
export const serverStatus = statusWords({
  RUNNING: { label: 'Running', tone: 'ok' },
  DISCONNECTED: { label: 'Disconnected', tone: 'danger' },
  CREATED: { label: 'Waiting for agent', tone: 'neutral' },
  PARTIALLY_RUNNING: { label: 'Partially running', tone: 'warn' },
})

/**
 * Runtime Manager's application statuses, desired or reported (an application's and each
 * server's copy), in operator words: the subtitle's "Should be Started · reports Not
 * deployed" and the per-server table. Colour comes from `applicationStatus`, which reads
 * the pair.
 */
export const runtimeAppStatusWords = statusWords({
  STARTED: { label: 'Started', tone: 'ok' },
  STOPPED: { label: 'Stopped', tone: 'neutral' },
  UPDATED: { label: 'Redeploy requested', tone: 'progress' },
  UNDEPLOYED: { label: 'Not deployed', tone: 'progress' },
  DEPLOYMENT_FAILED: { label: 'Deployment failed', tone: 'danger' },
})

/**
 * Application statuses (desired vs reported) in operator words and colour, with the API's
 * own pair as `raw` for the tooltip ("desired STARTED · reported STOPPED").
 */
export function applicationStatus(reported: string, desired?: string): StatusReading {
  const raw = desired ? `desired ${desired} · reported ${reported}` : `reported ${reported}`
  return { ...applicationWords(reported, desired), raw }
}

function applicationWords(reported: string, desired?: string): StatusWords {
  const words = runtimeAppStatusWords(reported)
  if (reported.includes('FAILED'))
    // A failure the table does not name still reads as one.
    return { label: words.label === reported ? 'Failed' : words.label, tone: 'danger' }
  if (desired === 'UPDATED' || reported === 'UNDEPLOYED')
    return { label: 'Deploying', tone: 'progress' }
  if (desired === 'STOPPED' && reported === 'STARTED')
    return { label: 'Stopping', tone: 'progress' }
  if (desired === 'STARTED' && reported !== 'STARTED')
    return { label: 'Starting', tone: 'progress' }
  return { label: words.label, tone: reported === 'STARTED' ? 'ok' : 'neutral' }
}

/**
 * An application's state in operator words: what it is doing and, where servers differ,
 * on how many ("Failed on 1 of 3 servers", "Deploying: 1 of 3 servers started").
 */
export function applicationPhaseStatus(state: ApplicationState): {
  label: string
  tone: Tone
  detail?: string
} {
  const of = (n: number) => `${n} of ${state.servers} server${state.servers === 1 ? '' : 's'}`
  const unreachable = state.unreachable > 0 ? `${of(state.unreachable)} unreachable` : undefined
  // On the way to started, with how many servers are there already.
  const towardStarted = (label: string): { label: string; tone: Tone; detail?: string } => ({
    label,
    tone: 'progress',
    detail: state.servers > 1 ? `${of(state.started)} started` : undefined,
  })
  switch (state.phase) {
    case 'deploying':
      return towardStarted('Deploying')
    case 'failed':
      return {
        label: state.failed < state.servers ? `Failed on ${of(state.failed)}` : 'Failed',
        tone: 'danger',
        detail: state.failure ?? undefined,
      }
    case 'starting':
      return towardStarted('Starting')
    case 'stopping':
      return { label: 'Stopping', tone: 'progress' }
    case 'partial':
      return { label: `Started on ${of(state.started)}`, tone: 'warn', detail: unreachable }
    case 'started':
      return { label: 'Started', tone: 'ok' }
    case 'stopped':
      return { label: 'Stopped', tone: 'neutral', detail: unreachable }
    default:
      return { label: 'Unknown', tone: 'neutral' }
  }
}
