import { afterAll, expect, test } from 'vitest'
import { HOSTILE_VALUES, shellStubs } from '../../test/shell-stubs.ts'
import { setupCommand } from './register-server-dialog.tsx'

const stubs = shellStubs(['amc_setup'])
afterAll(() => stubs.remove())

test('the setup command quotes both values', () => {
  expect(setupCommand('tok-1', 'web-1')).toBe(`./amc_setup -H 'tok-1' 'web-1'`)
  expect(setupCommand("x'; touch PWNED #", 'web-1')).toBe(
    `./amc_setup -H 'x'\\''; touch PWNED #' 'web-1'`,
  )
})

test('pasted into bash, the setup command runs amc_setup once with exactly the token and name, whatever they hold', () => {
  for (const token of HOSTILE_VALUES) {
    for (const name of ['web-1', ...HOSTILE_VALUES]) {
      expect(stubs.run(setupCommand(token, name), { TOKEN: 'from-env' })).toEqual([
        './amc_setup',
        '-H',
        token,
        name,
      ])
    }
  }
  expect(stubs.pwned()).toBe(false)
})
