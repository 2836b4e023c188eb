import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Values that would inject or expand something if a command quoted them badly: command
 * separators, substitutions, both quotes, a newline, variables, a lone backslash.
 */
export const HOSTILE_VALUES: readonly string[] = [
  'x; touch PWNED #',
  '$(touch PWNED)',
  '`touch PWNED`',
  "it's",
  'say "hi"',
  'line one\ntouch PWNED',
  '$TOKEN',
  '${TOKEN}',
  '$HOME',
  'back\\slash\\',
  "a' ; touch PWNED ; echo '",
  '!! && touch PWNED',
  '',
]

/**
 * A temp dir holding stub programs that print each argument they get followed by a NUL
 * byte (so a newline inside an argument stays visible), to run copied commands for real.
 */
export function shellStubs(names: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'shell-stubs-'))
  for (const name of names) {
    const path = join(dir, name)
    writeFileSync(path, `#!/bin/sh\nprintf '%s\\0' "$0" "$@"\n`)
    chmodSync(path, 0o755)
  }
  return {
    dir,
    /** Runs `command` with bash in the stub dir; the arguments the stub received (argv[0] first). */
    run(command: string, env: Record<string, string> = {}): string[] {
      const out = execFileSync('bash', ['-c', command], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: `${dir}:${process.env.PATH ?? ''}`, HOME: '/home/nobody', ...env },
      })
      return out.split('\0').slice(0, -1)
    },
    /** Whether any injected `touch PWNED` ran. */
    pwned(): boolean {
      return existsSync(join(dir, 'PWNED'))
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
