import { expect, test } from 'vitest'
import { pathWithQuery } from '../../lib/describe-request.ts'
import { listDevicesRequest } from './devices.ts'
import { mfpLocale } from './locale.ts'
import { listTransactionsRequest } from './transactions.ts'

const urlOf = (spec: { path: string; query?: Parameters<typeof pathWithQuery>[1] }) =>
  pathWithQuery(spec.path, spec.query)

test('list pages ask for bookmark, page size and order, then their own parameters, then the locale', () => {
  const locale = mfpLocale()
  const first = { orderBy: '', bookmark: '', pageSize: 100 }
  expect(urlOf(listDevicesRequest('mfp', { ...first, query: '' }))).toBe(
    `/mfpadmin/management-apis/2.0/runtimes/mfp/devices?pageSize=100&locale=${locale}`,
  )
  expect(
    urlOf(
      listDevicesRequest('mfp', {
        orderBy: '-lastAccessed',
        bookmark: 'b2',
        pageSize: 50,
        query: 'lena',
      }),
    ),
  ).toBe(
    `/mfpadmin/management-apis/2.0/runtimes/mfp/devices?bookmark=b2&pageSize=50&orderBy=-lastAccessed&query=lena&locale=${locale}`,
  )
  expect(
    urlOf(listTransactionsRequest('mfp', { ...first, orderBy: '-created', errorsOnly: true })),
  ).toBe(
    `/mfpadmin/management-apis/2.0/runtimes/mfp/transactions?pageSize=100&orderBy=-created&mode=errors&locale=${locale}`,
  )
})
