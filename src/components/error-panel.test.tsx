import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { ApiError } from '../lib/api-error.ts'
import { describeRequest } from '../lib/describe-request.ts'
import { ErrorPanel } from './error-panel.tsx'

function notFound(method: 'POST' | 'DELETE', path: string): ApiError {
  return new ApiError({
    kind: 'http',
    status: 404,
    message: 'Not found',
    request: describeRequest({ method, path }),
  })
}

test('a 404 to a create says where it was to be created was not found', () => {
  render(
    <ErrorPanel
      error={notFound('POST', '/hybrid/api/v1/serverGroups')}
      title="The group was not created"
      creating
    />,
  )
  expect(screen.getByRole('alert')).toHaveTextContent(
    /Nothing was created: the backend did not find/,
  )
  expect(screen.getByRole('alert')).not.toHaveTextContent(/removed by someone else/)
})

test('a 404 to a change of an existing item says it may have been removed', () => {
  render(<ErrorPanel error={notFound('DELETE', '/hybrid/api/v1/servers/7')} title="Failed" />)
  expect(screen.getByRole('alert')).toHaveTextContent(/may have been removed by someone else/)
})
