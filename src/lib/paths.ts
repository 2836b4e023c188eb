/**
 * The two kinds of deployment target that hold several servers (ADR 018): what the
 * console calls each one and where its pages live. Every link to a group or cluster and
 * every word for its kind comes from here.
 */
export type TargetKind = 'group' | 'cluster'

/**
 * Per kind: its name in sentences (`label`, and `short` in buttons: "Delete group"), as a
 * title and a list title, and the URL segment of its pages.
 */
export const TARGET_KINDS = {
  group: {
    label: 'server group',
    short: 'group',
    title: 'Server group',
    plural: 'Server groups',
    segment: 'server-groups',
  },
  cluster: {
    label: 'cluster',
    short: 'cluster',
    title: 'Cluster',
    plural: 'Clusters',
    segment: 'clusters',
  },
} as const satisfies Record<
  TargetKind,
  { label: string; short: string; title: string; plural: string; segment: string }
>

/**
 * The kind of a target from the API's words for it: an application's `target.type`
 * (`SERVER_GROUP`, `CLUSTER`) or the audit trail's resource kind (`server-group`,
 * `cluster`); null for anything else (a server).
 */
export function targetKindOf(type: string): TargetKind | null {
  if (type === 'CLUSTER' || type === 'cluster') return 'cluster'
  if (type === 'SERVER_GROUP' || type === 'server-group') return 'group'
  return null
}

/**
 * Every in-app link, built in one place. The environment is part of each URL so a link
 * copied from the address bar opens the same view for a colleague.
 */
export const paths = {
  signIn: (returnTo?: string) =>
    returnTo && returnTo !== '/' ? `/signin?returnTo=${encodeURIComponent(returnTo)}` : '/signin',
  home: () => '/',
  environment: (envId: string) => `/env/${encodeURIComponent(envId)}`,
  servers: (envId: string, search?: string) =>
    `/env/${encodeURIComponent(envId)}/servers${search ? `?${search}` : ''}`,
  applications: (envId: string, search?: string) =>
    `/env/${encodeURIComponent(envId)}/applications${search ? `?${search}` : ''}`,
  application: (envId: string, applicationId: number | string) =>
    `/env/${encodeURIComponent(envId)}/applications/${encodeURIComponent(String(applicationId))}`,
  server: (envId: string, serverId: number | string) =>
    `/env/${encodeURIComponent(envId)}/servers/${encodeURIComponent(String(serverId))}`,
  clientApps: (envId: string, search?: string) =>
    `/env/${encodeURIComponent(envId)}/client-apps${search ? `?${search}` : ''}`,
  clientApp: (envId: string, applicationId: string) =>
    `/env/${encodeURIComponent(envId)}/client-apps/${encodeURIComponent(applicationId)}`,
  /** The list of one kind of target (server groups or clusters), filters in `search`. */
  targets: (envId: string, kind: TargetKind, search?: string) =>
    `/env/${encodeURIComponent(envId)}/${TARGET_KINDS[kind].segment}${search ? `?${search}` : ''}`,
  /** One server group or cluster. */
  target: (envId: string, kind: TargetKind, id: number | string) =>
    `/env/${encodeURIComponent(envId)}/${TARGET_KINDS[kind].segment}/${encodeURIComponent(String(id))}`,
  serverGroups: (envId: string, search?: string) => paths.targets(envId, 'group', search),
  serverGroup: (envId: string, groupId: number | string) => paths.target(envId, 'group', groupId),
  clusters: (envId: string, search?: string) => paths.targets(envId, 'cluster', search),
  cluster: (envId: string, clusterId: number | string) => paths.target(envId, 'cluster', clusterId),
  /** The audit trail: every change made through the console, filters in `search` (ADR 015). */
  activity: (envId: string, search?: string) =>
    `/env/${encodeURIComponent(envId)}/activity${search ? `?${search}` : ''}`,
  /** Device administration: the runtime picker, or one runtime's devices (ADR 008). */
  devices: (envId: string, runtime?: string, search?: string) =>
    `/env/${encodeURIComponent(envId)}/devices${runtime ? `/${encodeURIComponent(runtime)}` : ''}${runtime && search ? `?${search}` : ''}`,
  /** One device; `hint` (a user id or its name) lets the page find it by search. */
  device: (envId: string, runtime: string, deviceId: string, hint?: string) =>
    `/env/${encodeURIComponent(envId)}/devices/${encodeURIComponent(runtime)}/${encodeURIComponent(deviceId)}${hint ? `?hint=${encodeURIComponent(hint)}` : ''}`,
} as const

/** Only same-app absolute paths may be used as a post-sign-in destination. */
export function safeReturnTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/signin'))
    return '/'
  // Browsers read `/\evil.com` and `/<tab>/evil.com` as `//evil.com`: resolve to be sure the host stays ours.
  if (new URL(value, 'http://app.invalid').host !== 'app.invalid') return '/'
  return value
}

/**
 * A numeric id from a URL path segment (`/servers/:serverId`): the number when the
 * segment is all digits, NaN otherwise (`12abc`, `-1`, `1e3`, empty), so a page can show
 * "not found" without asking the API.
 */
export function idFromPath(segment: string): number {
  return /^\d+$/.test(segment) ? Number(segment) : Number.NaN
}
