import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { isolateText } from '../lib/isolate-text.ts'
import { RejectedRecords } from './rejected-records.tsx'

const RLO = 'evil\u202Etxt.exe'

test('what was wrong names each field (the API’s own keys isolated) or the record itself', async () => {
  const user = userEvent.setup()
  render(
    <RejectedRecords
      rejected={[
        {
          index: 2,
          id: 'app-3',
          issues: [
            {
              path: `configuration.${RLO}`,
              problem: { code: 'type', expected: 'string', found: { kind: 'value', text: '7' } },
            },
            {
              path: 'name',
              problem: {
                code: 'type',
                expected: 'string',
                found: { kind: 'text', text: `"${RLO}"` },
              },
            },
          ],
        },
        {
          index: 5,
          issues: [
            { path: '', problem: { code: 'type', expected: 'object', found: { kind: 'null' } } },
          ],
        },
      ]}
      noun={['application', 'applications']}
    />,
  )
  const banner = screen.getByRole('status', {
    name: '2 applications could not be read and are not shown.',
  })
  await user.click(screen.getByText('What was wrong'))
  expect(banner).toHaveTextContent(
    `Record 3 (id app-3): configuration.${RLO}: expected string, found 7; name: expected string, found the text ${isolateText(`"${RLO}"`)}`,
  )
  expect(banner).toHaveTextContent('Record 6: (the record itself): expected object, found null')
  const key = screen.getByText(`configuration.${RLO}`)
  expect(key.tagName).toBe('BDI')
  expect(key.parentElement?.tagName).toBe('CODE')
})
