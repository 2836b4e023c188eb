import { createElement, Fragment, type ReactNode } from 'react'
import { toast } from 'sonner'
import type { MessageKey } from '../lib/i18n.ts'
import { message } from './i18n.tsx'

/** How an action ended: the backend applied it, refused it (with its message), or we don't know. */
export type ActionOutcome =
  { kind: 'succeeded' } | { kind: 'failed'; message: string } | { kind: 'unknown' }

/**
 * An action's whole sentence for each way it can end, in the feature's catalog ("Stopped
 * {name}", "Couldn't stop {name}: {message}", "Sent stop for {name}; checking the
 * result"): one message per sentence, so each language orders and inflects it its own way.
 * An action that only ever reports success names only `succeeded`.
 */
export interface OutcomeMessages {
  succeeded: MessageKey
  /** Takes the API's message as `{message}`. */
  failed?: MessageKey
  unknown?: MessageKey
}

/** The outcomes `messages` has a sentence for: a failure only with `failed`, and so on. */
export type OutcomeOf<M extends OutcomeMessages> =
  | { kind: 'succeeded' }
  | (M extends { failed: MessageKey } ? { kind: 'failed'; message: string } : never)
  | (M extends { unknown: MessageKey } ? { kind: 'unknown' } : never)

/**
 * The values of an outcome's sentence: text is the API's (a name; isolated as API text),
 * numbers choose plural forms and format in the language, elements go in as they are
 * (`ownWords` for the console's own words).
 */
export type OutcomeValues = Readonly<Record<string, ReactNode>>

/**
 * Words of the console's own (a status word from a table, already translated) as a value of
 * an outcome's sentence: not isolated as if they came from an API.
 */
export function ownWords(text: string): ReactNode {
  return createElement(Fragment, null, text)
}

function keyOf(messages: OutcomeMessages, outcome: ActionOutcome): MessageKey {
  const key = messages[outcome.kind]
  // `OutcomeOf` rules this out for every caller the type check sees.
  if (key === undefined) throw new Error(`No message for the ${outcome.kind} outcome`)
  return key
}

/**
 * The sentence of an action's outcome as a toast's content: the outcome's message with
 * `values` (names isolated as API text) and, for a failure, the API's message as
 * `{message}`, isolated too (a right-to-left name cannot reorder the sentence around it).
 */
export function outcomeMessage<M extends OutcomeMessages>(
  messages: M,
  values: OutcomeValues,
  outcome: OutcomeOf<M>,
): ReactNode {
  const key = keyOf(messages, outcome)
  return message(key, outcome.kind === 'failed' ? { ...values, message: outcome.message } : values)
}

/**
 * Raises the toast of an action's outcome, worded by `outcomeMessage`: green for done,
 * red for refused, neutral for not known yet. Every toast of an action goes through here.
 */
export function toastOutcome<M extends OutcomeMessages>(
  messages: M,
  values: OutcomeValues,
  outcome: OutcomeOf<M>,
): void {
  const content = outcomeMessage(messages, values, outcome)
  if (outcome.kind === 'succeeded') toast.success(content)
  else if (outcome.kind === 'failed') toast.error(content)
  else toast.info(content)
}

/** The toast of an action that succeeded: its `succeeded` sentence, green. */
export function toastSucceeded(succeeded: MessageKey, values: OutcomeValues): void {
  toastOutcome({ succeeded }, values, { kind: 'succeeded' })
}
