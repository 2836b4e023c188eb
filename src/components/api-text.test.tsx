import { render } from '@testing-library/react'
import { expect, test } from 'vitest'
import { isolateText } from '../lib/isolate-text.ts'
import { ApiText, apiMessage, LONG } from './api-text.tsx'
import { ApiList } from './i18n.tsx'
import { ApiText as ActivityApiText } from './recent-activity.tsx'

const RLO = 'evil\u202Etxt.exe'

test('isolateText wraps text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, and nothing else', () => {
  expect(isolateText(RLO)).toBe('\u2068evil\u202Etxt.exe\u2069')
  expect(isolateText('')).toBe('\u2068\u2069')
  // In an <option>: the override stays inside the isolate, the console's words after it.
  const { container } = render(
    <select aria-label="Target">
      <option>{`${isolateText(RLO)} (Running)`}</option>
    </select>,
  )
  expect(container.querySelector('option')!.textContent).toBe(
    '\u2068evil\u202Etxt.exe\u2069 (Running)',
  )
})

test('ApiText isolates in a bdi; a long text wraps and keeps its whole self in the tooltip', () => {
  const { container } = render(
    <p>
      Open <ApiText>{RLO}</ApiText> now <ApiText>{'W'.repeat(LONG + 1)}</ApiText>
    </p>,
  )
  const [short, long] = [...container.querySelectorAll('bdi')]
  expect(short).toHaveTextContent(RLO)
  expect(short).not.toHaveAttribute('title')
  expect(long).toHaveAttribute('title', 'W'.repeat(LONG + 1))
  expect(long).toHaveClass('api-text', 'api-long')
  expect(container.querySelector('p')!.textContent).toBe(`Open ${RLO} now ${'W'.repeat(LONG + 1)}`)
})

test('apiMessage and ApiList isolate each value and read as the plain text', () => {
  const { container } = render(
    <p>
      {apiMessage`Deleted ${RLO} from ${'prod'}`} · <ApiList names={['a', RLO, 'c']} max={2} />
    </p>,
  )
  const isolated = [...container.querySelectorAll('bdi')].map((b) => b.textContent)
  expect(isolated).toEqual([RLO, 'prod', 'a', RLO])
  expect(container.textContent).toBe(`Deleted ${RLO} from prod · a, ${RLO}, and 1 more`)
})

test("the activity panel's ApiText is the shared one: isolated, with a tooltip when long", () => {
  const long = 'x'.repeat(LONG + 5)
  const { container } = render(
    <p>
      <ActivityApiText>{RLO}</ActivityApiText> <ActivityApiText>{long}</ActivityApiText>{' '}
      <ActivityApiText>{null}</ActivityApiText>
    </p>,
  )
  const bdis = [...container.querySelectorAll('bdi')]
  expect(bdis.map((b) => b.textContent)).toEqual([RLO, long, ''])
  expect(bdis[1]).toHaveAttribute('title', long)
})
