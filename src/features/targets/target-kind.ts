import type { ReactNode } from 'react'
import type { ChangeLabel } from '../../api/console/audit-change.ts'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import type {
  TargetRecord,
  TargetResource,
  targetQueryFactory,
} from '../../api/runtime-manager/target-requests.ts'
import type { Column } from '../../components/data-table.tsx'
import type { Validation } from '../../components/form/use-form.ts'
import type { Permission } from '../../components/console-context.tsx'
import type { EnvScope } from '../../lib/describe-request.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import type { MessageKey, t as translate } from '../../lib/i18n.ts'
import type { TargetKind } from '../../lib/paths.ts'
import type { RequestSpec } from '../../lib/request.ts'
import type { TargetListRules } from './target-list-model.ts'

// Every sentence that names the kind is a message of its own per kind: German and Arabic
// decline "group" and "cluster" differently (gender, article), so a noun is never spliced in.
const GROUP_WORDS = {
  /** The list's title and the breadcrumb: "Server groups". */
  plural: 'targets.group.plural',
  /** In the count line and bulk dialogs: "server group", "server groups". */
  nounOne: 'targets.group.nounOne',
  nounOther: 'targets.group.nounOther',
  create: 'targets.group.create',
  createA: 'targets.group.createA',
  filterLabel: 'targets.group.filterLabel',
  loading: 'targets.group.loading',
  deleteTrigger: 'targets.group.deleteTrigger',
  deleteTitle: 'targets.group.deleteTitle',
  deleteConfirm: 'targets.group.deleteConfirm',
  deleteApps: 'targets.group.deleteApps',
  deleteNone: 'targets.group.deleteNone',
  bulkDeleteBody: 'targets.group.bulkDeleteBody',
  checkingApps: 'targets.group.checkingApps',
  removeLast: 'targets.group.removeLast',
  removeAria: 'targets.group.removeAria',
  removeConfirm: 'targets.group.removeConfirm',
  removeKeeps: 'targets.group.removeKeeps',
  removeNone: 'targets.group.removeNone',
  addTo: 'targets.group.addTo',
  addCount: 'targets.group.addCount',
  bulkRemoveAll: 'targets.group.bulkRemoveAll',
  bulkRemoveConfirm: 'targets.group.bulkRemoveConfirm',
  bulkRemoveBody: 'targets.group.bulkRemoveBody',
  bulkRunsNone: 'targets.group.bulkRunsNone',
  bulkNoApps: 'targets.group.bulkNoApps',
  appsNone: 'targets.group.appsNone',
  /** The toasts of a create and a delete: "Created server group {name}". */
  created: 'targets.group.created',
  deleted: 'targets.group.deleted',
  /** The bulk delete's title, results and toast, each a sentence with its count. */
  bulkDeleteTitle: 'targets.group.bulkDeleteTitle',
  bulkDeleteResults: 'targets.group.bulkDeleteResults',
  bulkDeleted: 'targets.group.bulkDeleted',
} as const satisfies Record<string, MessageKey>

/** How the console names a kind of target in each sentence, as message keys. */
export type KindWords = Readonly<Record<keyof typeof GROUP_WORDS, MessageKey>>

const KIND_WORDS: Readonly<Record<TargetKind, KindWords>> = {
  group: GROUP_WORDS,
  cluster: {
    plural: 'targets.cluster.plural',
    nounOne: 'targets.cluster.nounOne',
    nounOther: 'targets.cluster.nounOther',
    create: 'targets.cluster.create',
    createA: 'targets.cluster.createA',
    filterLabel: 'targets.cluster.filterLabel',
    loading: 'targets.cluster.loading',
    deleteTrigger: 'targets.cluster.deleteTrigger',
    deleteTitle: 'targets.cluster.deleteTitle',
    deleteConfirm: 'targets.cluster.deleteConfirm',
    deleteApps: 'targets.cluster.deleteApps',
    deleteNone: 'targets.cluster.deleteNone',
    bulkDeleteBody: 'targets.cluster.bulkDeleteBody',
    checkingApps: 'targets.cluster.checkingApps',
    removeLast: 'targets.cluster.removeLast',
    removeAria: 'targets.cluster.removeAria',
    removeConfirm: 'targets.cluster.removeConfirm',
    removeKeeps: 'targets.cluster.removeKeeps',
    removeNone: 'targets.cluster.removeNone',
    addTo: 'targets.cluster.addTo',
    addCount: 'targets.cluster.addCount',
    bulkRemoveAll: 'targets.cluster.bulkRemoveAll',
    bulkRemoveConfirm: 'targets.cluster.bulkRemoveConfirm',
    bulkRemoveBody: 'targets.cluster.bulkRemoveBody',
    bulkRunsNone: 'targets.cluster.bulkRunsNone',
    bulkNoApps: 'targets.cluster.bulkNoApps',
    appsNone: 'targets.cluster.appsNone',
    created: 'targets.cluster.created',
    deleted: 'targets.cluster.deleted',
    bulkDeleteTitle: 'targets.cluster.bulkDeleteTitle',
    bulkDeleteResults: 'targets.cluster.bulkDeleteResults',
    bulkDeleted: 'targets.cluster.bulkDeleted',
  },
}

/** The message keys that name a kind of target. */
export function wordsOf(kind: TargetKind): KindWords {
  return KIND_WORDS[kind]
}

/** A chosen server as the create and add forms hold it; `ip` is its clustering IP as typed. */
export interface MemberValue {
  serverId: number
  ip: string
}

/** What the create and add forms say is wrong, per field. */
export interface MemberFormErrors {
  name?: string
  servers?: string
  /** Per server id: what is wrong with its IP. */
  ips?: Record<number, string>
}

/** The create form's values; `multicast` is read only by kinds that offer the choice. */
export interface CreateTargetValues {
  name: string
  multicast: boolean
  members: MemberValue[]
}

/** One column of the members table on a target's page (the name and actions are shared). */
export interface MemberColumn<T> {
  header: MessageKey
  width?: number
  mono?: boolean
  cell: (server: Server, target: T) => ReactNode
}

/** What the info line of the add dialog is told. */
export interface AddNoticeInput<T> {
  target: T
  /** The chosen servers that are still registered. */
  picked: readonly Server[]
  apps: { isPending: boolean; own: readonly Application[] }
}

/** What a part of one target's page is given: the kind, and the target it shows. */
export interface TargetProps<T extends TargetRecord, B extends { name: string }> {
  kind: TargetKindSpec<T, B>
  target: T
}

/**
 * One kind of deployment target (ADR 018): everything in which server groups and clusters
 * differ, so one list page, one target page, one membership section, one create dialog and
 * one delete binding serve both. `B` is the body of its create request.
 */
export interface TargetKindSpec<T extends TargetRecord, B extends { name: string }> {
  /** Its words and pages (`wordsOf`, `TARGET_KINDS`' paths). */
  kind: TargetKind
  /** Its resource kind in the audit trail. */
  auditKind: 'server-group' | 'cluster'
  api: {
    resource: TargetResource<T>
    queries: ReturnType<typeof targetQueryFactory<T>>
    list: (scope: EnvScope) => Promise<PartialList<T>>
    /** The request that adds one server (`label` names the target and the server). */
    addRequest: (
      scope: EnvScope,
      targetId: number,
      member: MemberValue,
      label: ChangeLabel,
    ) => RequestSpec<unknown>
  }
  list: {
    rules: TargetListRules<T>
    /** Built at render with the current language's `t`. */
    columns: (envId: string, t: typeof translate) => Column<T>[]
    placeholder: MessageKey
    /** What the empty list says the kind is for. */
    emptyText: MessageKey
  }
  page: {
    subtitle: (target: T) => string
    /** Sections between the header and the members (a cluster's overview and visibility). */
    sections?: (target: T) => ReactNode
    memberColumns: readonly MemberColumn<T>[]
    /** Whether another server may be added, and why not. */
    addPermission: (target: T, canManage: Permission) => Permission
    /** What removing one member does, in the confirmation. */
    removeNote: (target: T, server: Server) => ReactNode
    /** A word about the selected members before removing them (a primary node). */
    bulkRemoveNote?: (target: T, selected: readonly Server[]) => ReactNode
  }
  add: {
    description?: (target: T) => string
    /** The most servers that can still be chosen, and why. */
    limit?: (target: T) => { max: number; reason: string }
    /** Whether each chosen server gets a clustering IP field. */
    memberIps: boolean
    /**
     * Checks the chosen servers before sending. Without it, a chosen server that may no
     * longer join blocks sending at once, and one no longer listed is left out.
     */
    validate?: (
      target: T,
      members: readonly MemberValue[],
      servers: readonly Server[],
    ) => { ok: true } | { ok: false; errors: MemberFormErrors }
    notice: (input: AddNoticeInput<T>) => ReactNode
  }
  create: {
    title: MessageKey
    description: MessageKey
    /** `id` and label of the name field. */
    nameId: string
    nameLabel: MessageKey
    submit: MessageKey
    errorTitle: MessageKey
    /** Offer multicast or unicast, and a clustering IP per chosen server. */
    clustering: boolean
    limit?: { max: number; reason: MessageKey }
    /** The form kit's check (ADR 021): the create request's body, or a message per field. */
    validate: (
      values: CreateTargetValues,
      servers: readonly Server[],
      takenNames: readonly string[],
    ) => Validation<MemberFormErrors, B>
  }
}
