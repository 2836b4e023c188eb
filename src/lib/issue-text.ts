import { currentLanguage, t } from './i18n.ts'
import { isolateText } from './isolate-text.ts'
import type { Alternative, Found, IssueProblem } from './record-issue.ts'

function foundText(found: Found): string {
  // A string found is the API's text: isolated, so that it cannot reorder the sentence.
  const text = found.kind === 'text' ? isolateText(found.text) : 'text' in found ? found.text : ''
  return t('ui.issue.found', { kind: found.kind, text })
}

function expectedText(type: string): string {
  return t('ui.issue.expected', { type })
}

function alternativeText(alternative: Alternative): string {
  switch (alternative.kind) {
    case 'type':
      return expectedText(alternative.type)
    case 'format':
      return t('ui.issue.aFormat', { format: alternative.format })
    case 'values':
      return t('ui.issue.oneOf', { values: alternative.values })
  }
}

/** The problem in the current language (call it where it is shown, not where it is read). */
export function issueText(problem: IssueProblem): string {
  switch (problem.code) {
    case 'missing':
      return t('ui.issue.missing', { expected: expectedText(problem.expected) })
    case 'type':
      return t('ui.issue.type', {
        expected: expectedText(problem.expected),
        found: foundText(problem.found),
      })
    case 'value':
      return t('ui.issue.value', { values: problem.values, found: foundText(problem.found) })
    case 'tooSmall':
      return t('ui.issue.tooSmall', {
        limit: problem.limit,
        unit: problem.characters ? 'characters' : 'other',
      })
    case 'tooBig':
      return t('ui.issue.tooBig', {
        limit: problem.limit,
        unit: problem.characters ? 'characters' : 'other',
      })
    case 'format':
      return t('ui.issue.format', { format: problem.format, found: foundText(problem.found) })
    case 'union':
      return problem.alternatives.length === 0
        ? t('ui.issue.union', { found: foundText(problem.found) })
        : t('ui.issue.type', {
            expected: new Intl.ListFormat(currentLanguage(), { type: 'disjunction' }).format(
              problem.alternatives.map(alternativeText),
            ),
            found: foundText(problem.found),
          })
    case 'other':
      return problem.message
  }
}
