import type { ApplicationState } from '../api/runtime-manager/application-status.ts'
// Words through `cachedT`: a list reads a status per row in every scroll frame and keystroke.
import { cachedT } from '../lib/format.ts'
import type { MessageKey } from '../lib/i18n.ts'
import type { Tone } from './status-badge.tsx'

/** A status in operator words and colour, with a hint where the word alone does not say enough. */
export interface StatusWords {
  label: string
  tone: Tone
  hint?: string
}

/**
 * One entry of a status table: the catalog keys of its word (and hint) and its colour. The
 * words are looked up when a status is read, so a switch of language reaches them.
 */
export interface StatusKeys {
  word: MessageKey
  tone: Tone
  hint?: MessageKey
}

/** A table's words for one value, with the API's own value (`raw`) for a tooltip or detail. */
export interface StatusReading extends StatusWords {
  raw: string
}

function inWords(entry: StatusKeys | StatusWords): StatusWords {
  if (!('word' in entry)) return entry
  const words: StatusWords = { label: cachedT(entry.word), tone: entry.tone }
  if (entry.hint) words.hint = cachedT(entry.hint)
  return words
}

/**
 * The lookup of one table of status words (one object literal per API value set): each
 * entry names its word by catalog key (`StatusKeys`), read in the current language when a
 * status is read; an entry may still hold plain words (`StatusWords`) until its table moves
 * into a catalog. A status the table does not know (a newer backend's) is shown as the API
 * spelled it, in the `fallback` colour; every reading carries the API's value as `raw`.
 */
export function statusWords(
  table: Readonly<Record<string, StatusKeys | StatusWords>>,
  fallback: Tone = 'neutral',
): (status: string) => StatusReading {
  // Own keys only: a status such as "constructor" must not find Object's prototype.
  return (status) => {
    const entry = Object.hasOwn(table, status) ? table[status] : undefined
    return { ...(entry ? inWords(entry) : { label: status, tone: fallback }), raw: status }
  }
}

/** Server statuses in operator words and colour. */
export const serverStatus = statusWords({
  RUNNING: { word: 'ui.serverStatus.running', tone: 'ok' },
  DISCONNECTED: { word: 'ui.serverStatus.disconnected', tone: 'danger' },
  CREATED: { word: 'ui.serverStatus.waitingForAgent', tone: 'neutral' },
  PARTIALLY_RUNNING: { word: 'ui.serverStatus.partiallyRunning', tone: 'warn' },
})

/**
 * Runtime Manager's application statuses, desired or reported (an application's and each
 * server's copy), in operator words: the subtitle's "Should be Started · reports Not
 * deployed" and the per-server table. Colour comes from `applicationStatus`, which reads
 * the pair.
 */
export const runtimeAppStatusWords = statusWords({
  STARTED: { word: 'ui.appStatus.started', tone: 'ok' },
  STOPPED: { word: 'ui.appStatus.stopped', tone: 'neutral' },
  UPDATED: { word: 'ui.appStatus.redeployRequested', tone: 'progress' },
  UNDEPLOYED: { word: 'ui.appStatus.notDeployed', tone: 'progress' },
  DEPLOYMENT_FAILED: { word: 'ui.appStatus.deploymentFailed', tone: 'danger' },
})

/**
 * Application statuses (desired vs reported) in operator words and colour, with the API's
 * own pair as `raw` for the tooltip ("desired STARTED · reported STOPPED").
 */
export function applicationStatus(reported: string, desired?: string): StatusReading {
  const raw = desired
    ? cachedT('ui.appStatus.rawDesiredReported', { desired, reported })
    : cachedT('ui.appStatus.rawReported', { reported })
  return { ...applicationWords(reported, desired), raw }
}

function applicationWords(reported: string, desired?: string): StatusWords {
  const words = runtimeAppStatusWords(reported)
  if (reported.includes('FAILED'))
    // A failure the table does not name still reads as one.
    return {
      label: words.label === reported ? cachedT('ui.appStatus.failed') : words.label,
      tone: 'danger',
    }
  if (desired === 'UPDATED' || reported === 'UNDEPLOYED')
    return { label: cachedT('ui.appStatus.deploying'), tone: 'progress' }
  if (desired === 'STOPPED' && reported === 'STARTED')
    return { label: cachedT('ui.appStatus.stopping'), tone: 'progress' }
  if (desired === 'STARTED' && reported !== 'STARTED')
    return { label: cachedT('ui.appStatus.starting'), tone: 'progress' }
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
  const servers = state.servers
  const unreachable =
    state.unreachable > 0
      ? cachedT('ui.appPhase.unreachable', { count: state.unreachable, servers })
      : undefined
  // On the way to started, with how many servers are there already.
  const towardStarted = (label: string): { label: string; tone: Tone; detail?: string } => ({
    label,
    tone: 'progress',
    detail:
      state.servers > 1
        ? cachedT('ui.appPhase.startedOf', { count: state.started, servers })
        : undefined,
  })
  switch (state.phase) {
    case 'deploying':
      return towardStarted(cachedT('ui.appStatus.deploying'))
    case 'failed':
      return {
        label:
          state.failed < state.servers
            ? cachedT('ui.appPhase.failedOn', { count: state.failed, servers })
            : cachedT('ui.appStatus.failed'),
        tone: 'danger',
        detail: state.failure ?? undefined,
      }
    case 'starting':
      return towardStarted(cachedT('ui.appStatus.starting'))
    case 'stopping':
      return { label: cachedT('ui.appStatus.stopping'), tone: 'progress' }
    case 'partial':
      return {
        label: cachedT('ui.appPhase.startedOn', { count: state.started, servers }),
        tone: 'warn',
        detail: unreachable,
      }
    case 'started':
      return { label: cachedT('ui.appStatus.started'), tone: 'ok' }
    case 'stopped':
      return { label: cachedT('ui.appStatus.stopped'), tone: 'neutral', detail: unreachable }
    default:
      return { label: cachedT('ui.appStatus.unknown'), tone: 'neutral' }
  }
}
