import type { ApplicationState } from '../api/runtime-manager/application-status.ts'
import type { Tone } from './status-badge.tsx'

/** A status in operator words and colour, with a hint where the word alone does not say enough. */
export interface StatusWords {
  label: string
  tone: Tone
  hint?: string
}

/**
 * The lookup of one table of status words. A status the table does not know (a newer
 * backend's) is shown as the API spelled it, in the `fallback` colour.
 */
export function statusWords(
  table: Readonly<Record<string, StatusWords>>,
  fallback: Tone = 'neutral',
): (status: string) => StatusWords {
  // Own keys only: a status such as "constructor" must not find Object's prototype.
  return (status) =>
    (Object.hasOwn(table, status) ? table[status] : undefined) ?? { label: status, tone: fallback }
}

/** Server statuses in operator words and colour. */
export const serverStatus = statusWords({
  RUNNING: { label: 'Running', tone: 'ok' },
  DISCONNECTED: { label: 'Disconnected', tone: 'danger' },
  CREATED: { label: 'Waiting for agent', tone: 'neutral' },
  PARTIALLY_RUNNING: { label: 'Partially running', tone: 'warn' },
})

/** Application statuses (desired vs reported) in operator words and colour. */
export function applicationStatus(
  reported: string,
  desired?: string,
): { label: string; tone: Tone } {
  if (reported.includes('FAILED')) return { label: 'Failed', tone: 'danger' }
  if (desired === 'UPDATED' || reported === 'UNDEPLOYED')
    return { label: 'Deploying', tone: 'progress' }
  if (desired === 'STOPPED' && reported === 'STARTED')
    return { label: 'Stopping', tone: 'progress' }
  if (desired === 'STARTED' && reported !== 'STARTED')
    return { label: 'Starting', tone: 'progress' }
  switch (reported) {
    case 'STARTED':
      return { label: 'Started', tone: 'ok' }
    case 'STOPPED':
      return { label: 'Stopped', tone: 'neutral' }
    default:
      return { label: reported, tone: 'neutral' }
  }
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
