/**
 * The production server's configuration, read from environment variables and checked with
 * zod at start: a bad value stops the server with one line naming the variable.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Family } from './contract.ts'

export const ENV_HELP: ReadonlyArray<readonly [name: string, meaning: string]> = [
  ['API_URL', 'upstream of every API family (default of the three below); none set = demo mode'],
  ['ARM_URL', 'Runtime Manager + Access Management upstream (/accounts/, /hybrid/)'],
  ['MFP_URL', 'MobileFirst administration upstream (/mfpadmin/)'],
  ['STORE_URL', 'API Store upstream (/api/am/)'],
  [
    'STORE_REGISTER_URL',
    'store client registration (default {STORE_URL}/client-registration/v0.10/register)',
  ],
  ['STORE_TOKEN_URL', 'store token endpoint (default {STORE_URL}/token)'],
  ['MFP_RUNTIME', 'MobileFirst runtime used to check a sign-in (default mfp)'],
  ['PORT', 'port to listen on (default 8080)'],
  ['HOST', 'address to listen on (default 0.0.0.0)'],
  ['TLS_CERT', 'PEM certificate file; with TLS_KEY, serve HTTPS (adds HSTS, Secure cookies)'],
  ['TLS_KEY', 'PEM private key file'],
  [
    'BEHIND_TLS_PROXY',
    '1 = a reverse proxy in front terminates TLS: Secure cookies and HSTS without TLS_CERT',
  ],
  ['SESSION_IDLE_MINUTES', 'a session unused this long ends (default 30)'],
  ['SESSION_MAX_HOURS', 'a session ends this long after sign-in, used or not (default 8)'],
  ['UPSTREAM_TIMEOUT_MS', 'an upstream silent this long answers 504 (default 30000)'],
  ['PROXY_INSECURE', '1 = accept upstream TLS certificates that do not verify (testing only)'],
  ['DIST_DIR', 'the built console to serve (default dist)'],
  ['LOG_LEVEL', 'fatal, error, warn, info, debug or trace (default info)'],
  ['AUDIT_DB', 'SQLite file of the audit trail (live mode; default ./data/audit.sqlite)'],
  ['AUDIT_RETENTION_DAYS', 'audit entries older than this are deleted, daily (default 90)'],
]

export interface ServerConfig {
  mode: 'demo' | 'live'
  upstreams: Record<Family, string | undefined>
  storeRegisterUrl: string | undefined
  storeTokenUrl: string | undefined
  mfpRuntime: string
  port: number
  host: string
  tls: { cert: Buffer; key: Buffer } | undefined
  /** The browser reaches the console over HTTPS (our TLS or a proxy's): Secure cookies, HSTS. */
  secureTransport: boolean
  sessionIdleMs: number
  sessionMaxMs: number
  upstreamTimeoutMs: number
  proxyInsecure: boolean
  distDir: string
  logLevel: string
  /** The audit trail's SQLite file (live mode). */
  auditDb: string
  auditRetentionDays: number
}

const url = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const parsed = new URL(value)
      return parsed.protocol === 'http:' || parsed.protocol === 'https:'
    } catch {
      return false
    }
  }, 'must be an absolute http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''))
  .optional()

const positive = (fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'must be a positive number')
    .transform(Number)
    .refine((n) => n > 0, 'must be greater than 0')
    .optional()
    .transform((n) => n ?? fallback)

const EnvSchema = z.object({
  API_URL: url,
  ARM_URL: url,
  MFP_URL: url,
  STORE_URL: url,
  STORE_REGISTER_URL: url,
  STORE_TOKEN_URL: url,
  MFP_RUNTIME: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'must be a runtime name (letters, digits, . _ -)')
    .default('mfp'),
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a port number')
    .transform(Number)
    .refine((n) => n <= 65_535, 'must be at most 65535')
    .default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  SESSION_IDLE_MINUTES: positive(30),
  SESSION_MAX_HOURS: positive(8),
  UPSTREAM_TIMEOUT_MS: positive(30_000),
  PROXY_INSECURE: z.enum(['0', '1', 'true', 'false', '']).optional(),
  BEHIND_TLS_PROXY: z.enum(['0', '1', 'true', 'false', '']).optional(),
  DIST_DIR: z.string().min(1).default('dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUDIT_DB: z.string().min(1).default('./data/audit.sqlite'),
  AUDIT_RETENTION_DAYS: positive(90),
})

export class ConfigError extends Error {}

/** Reads the configuration; throws a ConfigError whose message is one line naming the variable. */
export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  // Empty variables count as unset, as shells make them easily.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = EnvSchema.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const name = String(issue?.path[0] ?? 'environment')
    throw new ConfigError(
      `${name}=${JSON.stringify(env[name] ?? '')}: ${issue?.message ?? 'invalid'}`,
    )
  }
  const v = parsed.data
  if (Boolean(v.TLS_CERT) !== Boolean(v.TLS_KEY))
    throw new ConfigError(
      `${v.TLS_CERT ? 'TLS_KEY' : 'TLS_CERT'}: set both TLS_CERT and TLS_KEY, or neither`,
    )
  let tls: ServerConfig['tls']
  if (v.TLS_CERT && v.TLS_KEY) {
    const read = (name: string, path: string) => {
      try {
        return readFileSync(path)
      } catch (error) {
        throw new ConfigError(
          `${name}=${path}: cannot read (${error instanceof Error ? error.message : String(error)})`,
        )
      }
    }
    tls = { cert: read('TLS_CERT', v.TLS_CERT), key: read('TLS_KEY', v.TLS_KEY) }
  }
  const arm = v.ARM_URL ?? v.API_URL
  const mfp = v.MFP_URL ?? v.API_URL
  const store = v.STORE_URL ?? v.API_URL
  const live = Boolean(arm || mfp || store)
  return {
    mode: live ? 'live' : 'demo',
    upstreams: { arm, mfp, store },
    storeRegisterUrl:
      v.STORE_REGISTER_URL ?? (store && `${store}/client-registration/v0.10/register`),
    storeTokenUrl: v.STORE_TOKEN_URL ?? (store && `${store}/token`),
    mfpRuntime: v.MFP_RUNTIME,
    port: v.PORT,
    host: v.HOST,
    tls,
    secureTransport: Boolean(tls) || v.BEHIND_TLS_PROXY === '1' || v.BEHIND_TLS_PROXY === 'true',
    sessionIdleMs: v.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: v.SESSION_MAX_HOURS * 3_600_000,
    upstreamTimeoutMs: v.UPSTREAM_TIMEOUT_MS,
    proxyInsecure: v.PROXY_INSECURE === '1' || v.PROXY_INSECURE === 'true',
    distDir: v.DIST_DIR,
    logLevel: v.LOG_LEVEL,
    auditDb: v.AUDIT_DB,
    auditRetentionDays: v.AUDIT_RETENTION_DAYS,
  }
}

export function helpText(): string {
  const width = Math.max(...ENV_HELP.map(([name]) => name.length))
  return [
    'usage: npm run serve [-- --help]',
    '',
    'Serves the built console (npm run build) with security headers; in live mode it also',
    'proxies the API prefixes to their upstreams and keeps sign-ins in server-side sessions.',
    '',
    'Environment variables:',
    ...ENV_HELP.map(([name, meaning]) => `  ${name.padEnd(width)}  ${meaning}`),
  ].join('\n')
}
