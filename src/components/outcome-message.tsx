import type { ReactNode } from 'react'
import { toast } from 'sonner'
import { formatNumber } from '../lib/format.ts'
import { t } from '../lib/i18n.ts'
import { ApiText } from './api-text.tsx'
import { message } from './i18n.tsx'

/**
 * An action in the two forms every outcome message needs: `verb` for "Couldn't stop …"
 * and "Sent stop for …", `past` for "Stopped …". Each action's words are written once,
 * where the action is, so a later move into i18n catalogs is mechanical.
 */
export interface ActionWords {
  /** Lower case, as it reads after "Couldn't": "stop", "delete", "add to the group". */
  verb: string
  /** Capitalized, as it opens a sentence: "Stopped", "Deleted". */
  past: string
}

/**
 * Where the thing was acted on, after it: "to orders-group", "on Pixel 7" (a name from the
 * API) or "on 3 devices" (a count).
 */
export type OutcomeRelation =
  { word: string; name: string } | { word: string; count: number; noun: string; plural: string }

/**
 * What an action was about: one named thing (a name from the API, isolated as API text,
 * with an optional lead-in in the console's words, "server group"), or a count of things
 * ("3 applications"; the count through `formatNumber`); either may say where ("to orders-group").
 */
export type OutcomeSubject =
  | string
  | { name: string; kind?: string; relation?: OutcomeRelation }
  | { count: number; noun: string; plural: string; relation?: OutcomeRelation }

/** How an action ended: the backend applied it, refused it (with its message), or we don't know. */
export type ActionOutcome =
  { kind: 'succeeded' } | { kind: 'failed'; message: string } | { kind: 'unknown' }

/**
 * "3 applications", "1 application", "1,200 server groups": the count as every number reads,
 * with the noun's plural from the caller's catalog (no language makes it by adding an "s").
 */
export function countOf(count: number, noun: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? noun : plural}`
}

function subjectNode(subject: OutcomeSubject): ReactNode {
  if (typeof subject === 'string') return <ApiText>{subject}</ApiText>
  const relation = subject.relation
  const what =
    'count' in subject ? (
      countOf(subject.count, subject.noun, subject.plural)
    ) : subject.kind ? (
      message('ui.outcome.kindName', { kind: <>{subject.kind}</>, name: subject.name })
    ) : (
      <ApiText>{subject.name}</ApiText>
    )
  if (!relation) return what
  return message('ui.outcome.where', {
    what: <>{what}</>,
    word: <>{relation.word}</>,
    where:
      'count' in relation ? (
        <>{countOf(relation.count, relation.noun, relation.plural)}</>
      ) : (
        relation.name
      ),
  })
}

function subjectText(subject: OutcomeSubject): string {
  if (typeof subject === 'string') return subject
  const relation = subject.relation
  const what =
    'count' in subject
      ? countOf(subject.count, subject.noun, subject.plural)
      : subject.kind
        ? t('ui.outcome.kindName', { kind: subject.kind, name: subject.name })
        : subject.name
  if (!relation) return what
  const where =
    'count' in relation ? countOf(relation.count, relation.noun, relation.plural) : relation.name
  return t('ui.outcome.where', { what, word: relation.word, where })
}

/**
 * The one wording of an action's outcome, in plain text (for a test, a title or a log):
 * "Stopped orders-api", "Couldn't stop orders-api: <the API's message>", "Sent stop for
 * orders-api; checking the result".
 */
export function outcomeText(
  action: ActionWords,
  subject: OutcomeSubject,
  outcome: ActionOutcome,
): string {
  const what = subjectText(subject)
  switch (outcome.kind) {
    case 'succeeded':
      return t('ui.outcome.succeeded', { past: action.past, what })
    case 'failed':
      return t('ui.outcome.failed', { verb: action.verb, what, message: outcome.message })
    case 'unknown':
      return t('ui.outcome.unknown', { verb: action.verb, what })
  }
}

/**
 * `outcomeText` as a toast's content: the same words, with the names and the API's message
 * isolated as API text (a right-to-left name cannot reorder the sentence around it).
 */
export function outcomeMessage(
  action: ActionWords,
  subject: OutcomeSubject,
  outcome: ActionOutcome,
): ReactNode {
  // The action's words are the console's, not the API's: no isolation around them.
  const what = <>{subjectNode(subject)}</>
  switch (outcome.kind) {
    case 'succeeded':
      return message('ui.outcome.succeeded', { past: <>{action.past}</>, what })
    case 'failed':
      return message('ui.outcome.failed', {
        verb: <>{action.verb}</>,
        what,
        message: outcome.message,
      })
    case 'unknown':
      return message('ui.outcome.unknown', { verb: <>{action.verb}</>, what })
  }
}

/**
 * Raises the toast of an action's outcome, worded by `outcomeMessage`: green for done,
 * red for refused, neutral for not known yet. Every toast of an action goes through here.
 */
export function toastOutcome(
  action: ActionWords,
  subject: OutcomeSubject,
  outcome: ActionOutcome,
): void {
  const content = outcomeMessage(action, subject, outcome)
  if (outcome.kind === 'succeeded') toast.success(content)
  else if (outcome.kind === 'failed') toast.error(content)
  else toast.info(content)
}
