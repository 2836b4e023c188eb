import type { MatcherFunction } from '@testing-library/react'

/**
 * A `*ByText` matcher for a sentence whose names are isolated API text (`<bdi>` children):
 * matches the innermost element whose whole text content is `text` (or matches it), where
 * the default matcher would look at the element's own text nodes only.
 */
export function textContent(text: string | RegExp): MatcherFunction {
  const matches = (s: string | null | undefined) =>
    s != null && (typeof text === 'string' ? s === text : text.test(s))
  return (_content, element) =>
    element !== null &&
    matches(element.textContent) &&
    ![...element.children].some((child) => matches(child.textContent))
}
