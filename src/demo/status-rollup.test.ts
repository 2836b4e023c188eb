import { expect, test } from 'vitest'
import { memberStatusOf, reportedStatusOf } from './status-rollup.ts'

test('an application reports its copies: a failure wins, then agreement, then STARTED', () => {
  expect(reportedStatusOf([])).toBe('UNDEPLOYED')
  expect(reportedStatusOf(['STARTED', 'DEPLOYMENT_FAILED', 'STOPPED'])).toBe('DEPLOYMENT_FAILED')
  expect(reportedStatusOf(['STOPPED', 'STOPPED'])).toBe('STOPPED')
  expect(reportedStatusOf(['STOPPED', 'STARTED'])).toBe('STARTED')
  expect(reportedStatusOf(['STOPPED', 'UNDEPLOYED'])).toBe('UNDEPLOYED')
  expect(reportedStatusOf(['STOPPED', 'CREATED'])).toBe('STOPPED')
})

test('a group or cluster is running, partially running or disconnected', () => {
  const running = { status: 'RUNNING' }
  const away = { status: 'DISCONNECTED' }
  expect(memberStatusOf([])).toBe('DISCONNECTED')
  expect(memberStatusOf([running, running])).toBe('RUNNING')
  expect(memberStatusOf([running, away])).toBe('PARTIALLY_RUNNING')
  expect(memberStatusOf([away, { status: 'CREATED' }])).toBe('DISCONNECTED')
})
