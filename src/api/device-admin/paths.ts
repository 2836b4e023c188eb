/** Where the device administration API lives, behind the console's same-origin proxy. */
export const MFP_BASE = '/mfpadmin/management-apis/2.0'

/** The runtime's base path, e.g. `/mfpadmin/management-apis/2.0/runtimes/mfp`. */
export function runtimePath(runtime: string): string {
  return `${MFP_BASE}/runtimes/${encodeURIComponent(runtime)}`
}

/** Query keys: generic to specific, every runtime's data under its own prefix. */
export const deviceAdminKeys = {
  all: ['device-admin'] as const,
  runtimes: () => [...deviceAdminKeys.all, 'runtimes'] as const,
  runtime: (runtime: string) => [...deviceAdminKeys.all, 'runtime', runtime] as const,
  devices: (runtime: string) => [...deviceAdminKeys.runtime(runtime), 'devices'] as const,
  transactions: (runtime: string) => [...deviceAdminKeys.runtime(runtime), 'transactions'] as const,
}
