import { Fragment, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import {
  currentLanguage,
  onLanguageChange,
  t,
  type Language,
  type MessageKey,
} from '../lib/i18n.ts'
import { cachedT } from '../lib/format.ts'
import { ApiText } from './api-text.tsx'

/** The language shown now; the component renders again when the operator switches. */
export function useLanguage(): Language {
  return useSyncExternalStore(onLanguageChange, currentLanguage, currentLanguage)
}

/**
 * `t` for a component: a new function after each switch of language, so a `useMemo` that
 * lists it (columns, options) is computed again in the new language.
 */
export function useT(): typeof t {
  const language = useLanguage()
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- the language is what changes `t`'s answers
  return useMemo(() => (key, values) => t(key, values), [language])
}

/** A value put into a message: text (isolated as API text), a number, or an element. */
type Part = string | number | ReactNode

// Private-use characters no catalog or API text is expected to hold; they mark where each
// value goes so that it can be rendered as an element rather than spliced in as text.
const OPEN = '\uE000'
const CLOSE = '\uE001'
const MARK = /\uE000(\d+)\uE001/

/**
 * A message as React nodes, each text value bidi-isolated as `ApiText` (a name from an API
 * keeps its own direction inside an Arabic sentence), elements (`<code>`) in place and
 * numbers formatted by the message (plural forms, digits of the language). For a toast or a
 * dialog title; `<Msg>` is the same as a component.
 */
export function message(key: MessageKey, values: Readonly<Record<string, Part>> = {}): ReactNode {
  const nodes: Part[] = []
  const marked: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'number') marked[name] = value
    else {
      marked[name] = `${OPEN}${nodes.length}${CLOSE}`
      nodes.push(value)
    }
  }
  // The text depends only on the key, the numbers and where each other value goes (its
  // marker), not on the values themselves: a list that repeats a message in every row
  // (a target's "Group: {name}") formats it once per language (issue 17).
  const pieces = cachedT(key, marked).split(MARK)
  if (pieces.length === 1) return pieces[0]
  return pieces.map((piece, i) => {
    if (i % 2 === 0) return piece === '' ? null : <Fragment key={i}>{piece}</Fragment>
    const node = nodes[Number(piece)]
    return (
      <Fragment key={i}>{typeof node === 'string' ? <ApiText>{node}</ApiText> : node}</Fragment>
    )
  })
}

/**
 * Names joined for a sentence, each isolated as API text, cut after `max` with the
 * language's "and N more" (`listText` as elements: the same text).
 */
export function ApiList({ names, max = 6 }: { names: readonly string[]; max?: number }) {
  useLanguage()
  const list = names.slice(0, max).map((name, i) => (
    <Fragment key={i}>
      {i > 0 && ', '}
      <ApiText>{name}</ApiText>
    </Fragment>
  ))
  if (names.length <= max) return <>{list}</>
  return <>{message('ui.bulk.andMore', { names: <>{list}</>, count: names.length - max })}</>
}

/** `message` as a component: `<Msg id="applications.stop.title" values={{ name }} />`. */
export function Msg({ id, values }: { id: MessageKey; values?: Readonly<Record<string, Part>> }) {
  useLanguage()
  return <>{message(id, values)}</>
}
