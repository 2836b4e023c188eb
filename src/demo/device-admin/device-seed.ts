import type { FleetSize } from '../model.ts'
import { createRng } from '../rng.ts'

/**
 * The device administration demo's generated world: runtimes, their applications and
 * devices. Device `i` of a runtime is computed from `i` alone (its own seeded
 * generator), so a device can be built when it is first asked for, and what ordering the
 * whole fleet needs (ids and names) is drawn without building any (`deviceOrderFacts`).
 */

const DAY = 86_400_000
/** A device silent for this long is EXPIRED (the contract's rule). */
export const EXPIRY_MS = 90 * DAY

export type Platform = 'ios' | 'android'

/** A platform in operator words, for the messages the demo writes (the seed has only these two). */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { ios: 'iOS', android: 'Android' }
export type SeedDeviceStatus = 'ACTIVE' | 'LOST' | 'STOLEN' | 'EXPIRED' | 'DISABLED'
export type AppStatus = 'ENABLED' | 'DISABLED'

export interface AppPlan {
  appName: string
  bundle: string
  /** Versions deployed on the runtime, per platform (the first is the newest). */
  deployed: Record<Platform, readonly string[]>
  /** Versions that devices still report but that are no longer deployed (changes fail). */
  retired: Record<Platform, readonly string[]>
  /** Share of devices that have it (tablet-only apps are on tablets only). */
  share: number
  tabletOnly?: boolean
}

export interface RuntimePlan {
  name: string
  appServerId: string
  devices: Record<FleetSize, number>
  seed: number
  apps: readonly AppPlan[]
  pinned: readonly PinnedDevice[]
}

interface PinnedDevice {
  name: string
  model: string
  os: string
  users: readonly string[]
  status: SeedDeviceStatus
  lastAccessedDaysAgo: number
  apps: ReadonlyArray<{ appName: string; version: string; status: AppStatus }>
}

/**
 * A pinned device in one line: users separated by spaces, each application as
 * "AppName version", followed by " DISABLED" when it is disabled on the device.
 */
function pin(
  name: string,
  model: string,
  os: string,
  users: string,
  status: SeedDeviceStatus,
  lastAccessedDaysAgo: number,
  apps: readonly string[],
): PinnedDevice {
  return {
    name,
    model,
    os,
    users: users.split(' '),
    status,
    lastAccessedDaysAgo,
    apps: apps.map((app) => {
      const [appName = '', version = '', disabled] = app.split(' ')
      return { appName, version, status: disabled === 'DISABLED' ? 'DISABLED' : 'ENABLED' }
    }),
  }
}

const ACME_BANK: AppPlan = {
  appName: 'AcmeBank',
  bundle: 'com.acme.bank',
  deployed: { ios: ['2.1.0', '2.0.3'], android: ['2.1.0', '2.0.1'] },
  retired: { ios: ['1.8.4'], android: ['1.9.0'] },
  share: 0.85,
}
const ACME_WALLET: AppPlan = {
  appName: 'AcmeWallet',
  bundle: 'com.acme.wallet',
  deployed: { ios: ['1.4.0', '1.3.2'], android: ['1.4.1', '1.3.2'] },
  retired: { ios: ['1.1.0'], android: ['1.1.0'] },
  share: 0.5,
}
const FIELD_SERVICE: AppPlan = {
  appName: 'FieldService',
  bundle: 'com.acme.fieldservice',
  deployed: { ios: ['3.0.2'], android: ['3.0.2'] },
  retired: { ios: ['2.4.0'], android: ['2.4.0'] },
  share: 0.9,
  tabletOnly: true,
}

/**
 * Two runtimes. The pinned devices come first, identical in both fleet sizes, so tests
 * and demos can rely on them: Lena Fischer's three devices (the Pixel is lost and runs a
 * retired AcmeBank, so changing it fails), Max Weber's phone with AcmeWallet disabled,
 * and a shared tablet with two users.
 */
export const RUNTIME_PLANS: readonly RuntimePlan[] = [
  {
    name: 'mfp',
    appServerId: 'liberty-prod-01',
    devices: { small: 320, large: 50_000 },
    seed: 80_001,
    apps: [ACME_BANK, ACME_WALLET, FIELD_SERVICE],
    pinned: [
      pin("Lena's iPhone 15", 'iPhone 15', 'iOS 17.5', 'lena.fischer', 'ACTIVE', 0.2, [
        'AcmeBank 2.1.0',
        'AcmeWallet 1.4.0',
      ]),
      pin("Lena's iPad Air", 'iPad Air', 'iOS 17.4', 'lena.fischer', 'ACTIVE', 3, [
        'AcmeBank 2.1.0',
        'FieldService 3.0.2',
      ]),
      pin("Lena's Pixel 6", 'Pixel 6', 'Android 13', 'lena.fischer', 'LOST', 12, [
        'AcmeBank 1.9.0',
      ]),
      pin("Max's Galaxy S23", 'Galaxy S23', 'Android 14', 'max.weber', 'ACTIVE', 0.5, [
        'AcmeBank 2.1.0',
        'AcmeWallet 1.4.1 DISABLED',
      ]),
      pin('Branch 12 iPad Pro', 'iPad Pro', 'iOS 17.5', 'jonas.becker sara.koch', 'ACTIVE', 1, [
        'FieldService 3.0.2',
      ]),
    ],
  },
  {
    name: 'mfp-staging',
    appServerId: 'liberty-staging-01',
    devices: { small: 48, large: 2_500 },
    seed: 80_002,
    apps: [
      {
        ...ACME_BANK,
        deployed: { ios: ['2.2.0-beta.2', '2.1.0'], android: ['2.2.0-beta.2', '2.1.0'] },
        retired: { ios: ['2.2.0-beta.1'], android: ['2.2.0-beta.1'] },
        share: 0.9,
      },
      {
        ...ACME_WALLET,
        deployed: { ios: ['1.5.0-rc.2'], android: ['1.5.0-rc.2'] },
        retired: { ios: ['1.5.0-rc.1'], android: ['1.5.0-rc.1'] },
        share: 0.7,
      },
    ],
    pinned: [
      pin('QA iPhone 15 Pro', 'iPhone 15 Pro', 'iOS 18.0', 'qa.tester', 'ACTIVE', 0.1, [
        'AcmeBank 2.2.0-beta.2',
        'AcmeWallet 1.5.0-rc.2',
      ]),
    ],
  },
]

export function runtimePlan(name: string): RuntimePlan | undefined {
  return RUNTIME_PLANS.find((r) => r.name === name)
}

/** A device's fixed facts as generated; its status and app statuses may be changed later. */
export interface SeedDevice {
  index: number
  id: string
  name: string
  model: string
  os: string
  platform: Platform
  users: readonly string[]
  status: SeedDeviceStatus
  lastAccessed: number
}

export interface SeedAssociation {
  appName: string
  appId: string
  version: string
  platform: Platform
  status: AppStatus
  /** A version no longer deployed on the runtime: changing its status fails. */
  retired: boolean
}

const MODELS: ReadonlyArray<{ model: string; platform: Platform; tablet: boolean }> = [
  { model: 'iPhone 15 Pro', platform: 'ios', tablet: false },
  { model: 'iPhone 15', platform: 'ios', tablet: false },
  { model: 'iPhone 14', platform: 'ios', tablet: false },
  { model: 'iPhone 13 mini', platform: 'ios', tablet: false },
  { model: 'iPhone SE', platform: 'ios', tablet: false },
  { model: 'iPad Air', platform: 'ios', tablet: true },
  { model: 'iPad Pro', platform: 'ios', tablet: true },
  { model: 'Pixel 8', platform: 'android', tablet: false },
  { model: 'Pixel 7a', platform: 'android', tablet: false },
  { model: 'Galaxy S23', platform: 'android', tablet: false },
  { model: 'Galaxy A54', platform: 'android', tablet: false },
  { model: 'Moto G84', platform: 'android', tablet: false },
  { model: 'Galaxy Tab S9', platform: 'android', tablet: true },
  { model: 'Pixel Tablet', platform: 'android', tablet: true },
]
const OS_VERSIONS: Record<Platform, readonly string[]> = {
  ios: ['iOS 18.0', 'iOS 17.5', 'iOS 17.4', 'iOS 16.7'],
  android: ['Android 14', 'Android 13', 'Android 12'],
}
// No first name of a pinned user, so generated users never share their devices.
const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Emma',
  'Felix',
  'Greta',
  'Hannah',
  'Ida',
  'Jakob',
  'Karl',
  'Laura',
  'Mia',
  'Noah',
  'Olivia',
  'Paul',
  'Rosa',
  'Simon',
  'Theo',
  'Ute',
  'Vera',
  'Wim',
  'Yara',
  'Zoe',
  'Aylin',
  'Bruno',
  'Chen',
  'Dario',
  'Elif',
  'Farid',
  'Giulia',
  'Hugo',
  'Ines',
  'Joao',
  'Kenji',
  'Lucia',
  'Marta',
  'Nils',
  'Omar',
  'Priya',
] as const
const LAST_NAMES = [
  'Schmidt',
  'Mueller',
  'Meyer',
  'Wagner',
  'Schulz',
  'Hoffmann',
  'Schaefer',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
  'Koehler',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Moeller',
  'Weiss',
  'Jung',
  'Hahn',
  'Vogel',
  'Friedrich',
  'Keller',
  'Guenther',
  'Frank',
  'Berger',
  'Winkler',
  'Roth',
] as const

/** Generated user `u`: `anna.schmidt`, and past the name combinations `anna.schmidt2`. */
function userName(u: number): { id: string; first: string } {
  const first = FIRST_NAMES[u % FIRST_NAMES.length] ?? 'Anna'
  const rest = Math.floor(u / FIRST_NAMES.length)
  const last = LAST_NAMES[rest % LAST_NAMES.length] ?? 'Schmidt'
  const round = Math.floor(rest / LAST_NAMES.length)
  return { id: `${first}.${last}${round > 0 ? round + 1 : ''}`.toLowerCase(), first }
}

const hex8 = (x: number) =>
  Math.floor(x * 4_294_967_296)
    .toString(16)
    .padStart(8, '0')

/** A UUID-shaped id from four draws (the generic one draws once per digit: too slow for 50,000). */
function uuidFrom(next: () => number): string {
  const a = hex8(next())
  const b = hex8(next())
  const c = hex8(next())
  const d = hex8(next())
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${'89ab'[parseInt(c[0] ?? '0', 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`
}

/** The seed of device `index`'s own generator. */
function deviceSeed(plan: RuntimePlan, index: number): number {
  // Mixing the index in keeps neighbouring devices unrelated.
  return (plan.seed * 2_654_435_761 + index * 40_503) >>> 0
}

function deviceRng(plan: RuntimePlan, index: number) {
  return createRng(deviceSeed(plan, index))
}

/**
 * Draw `k` (1 for the first) of `createRng(seed)`, as the unsigned 32-bit integer that
 * `next()` divides by 2^32. The generator (mulberry32) only adds a constant to its state
 * before mixing, so its k-th draw can be computed alone: `deviceOrderFacts` reads the
 * few draws a name needs without building a generator per device. A test holds it to
 * `createRng`.
 */
export function drawAt(seed: number, k: number): number {
  let t = (seed + k * 0x6d2b79f5) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return (t ^ (t >>> 14)) >>> 0
}

/** How many generated users share a fleet's devices: about 2.3 devices per user. */
function userPoolOf(plan: RuntimePlan, fleet: FleetSize): number {
  return Math.max(20, Math.round(plan.devices[fleet] / 2.3))
}

const ownedName = (first: string, model: string) => `${first}'s ${model}`
const kioskName = (model: string, index: number) => `Kiosk ${model} ${index}`

/** Share of generated devices that are kiosks: no users, a name of their own. */
const KIOSK_SHARE = 0.02

/** The `index`-th device of a runtime. Pure: the same arguments give the same device. */
export function seedDevice(
  plan: RuntimePlan,
  fleet: FleetSize,
  index: number,
  anchor: number,
): SeedDevice {
  const rng = deviceRng(plan, index)
  const id = uuidFrom(rng.next)
  const pinned = plan.pinned[index]
  if (pinned) {
    return {
      index,
      id,
      name: pinned.name,
      model: pinned.model,
      os: pinned.os,
      platform: pinned.os.startsWith('iOS') ? 'ios' : 'android',
      users: pinned.users,
      status: pinned.status,
      lastAccessed: Math.round(anchor - pinned.lastAccessedDaysAgo * DAY),
    }
  }
  const kind = rng.pick(MODELS)
  const os = rng.pick(OS_VERSIONS[kind.platform])
  // About 2.3 devices per user, so many users have several.
  const userPool = userPoolOf(plan, fleet)
  // deviceOrderFacts reads the model (draw 5), this roll (7) and the owner (8) alone:
  // the order of the draws up to the owner is fixed.
  const roll = rng.next()
  let users: string[]
  let name: string
  if (roll < KIOSK_SHARE) {
    users = []
    name = kioskName(kind.model, index)
  } else {
    const owner = userName(rng.int(0, userPool - 1))
    users = [owner.id]
    if (kind.tablet && roll < 0.12) users.push(userName(rng.int(0, userPool - 1)).id)
    name = ownedName(owner.first, kind.model)
  }
  // Mostly recent; a tail of devices silent for months (those past 90 days are EXPIRED).
  const ageDays = rng.chance(0.08) ? rng.int(60, 200) : rng.next() * 30
  const lastAccessed = Math.round(anchor - ageDays * DAY - rng.int(0, 3_600_000))
  let status: SeedDeviceStatus = 'ACTIVE'
  if (anchor - lastAccessed > EXPIRY_MS) status = 'EXPIRED'
  else {
    const s = rng.next()
    if (s < 0.03) status = 'LOST'
    else if (s < 0.05) status = 'STOLEN'
    else if (s < 0.08) status = 'DISABLED'
  }
  return {
    index,
    id,
    name,
    model: kind.model,
    os,
    platform: kind.platform,
    users,
    status,
    lastAccessed,
  }
}

function association(
  plan: RuntimePlan,
  appName: string,
  platform: Platform,
  version: string,
  status: AppStatus,
): SeedAssociation {
  const app = plan.apps.find((a) => a.appName === appName)
  const bundle = app?.bundle ?? appName
  return {
    appName,
    appId: `${bundle}$${platform}$${version}`,
    version,
    platform,
    status,
    retired: app?.retired[platform].includes(version) ?? false,
  }
}

/** The applications registered on a device, as generated. Pure, like `seedDevice`. */
export function seedAssociations(plan: RuntimePlan, device: SeedDevice): SeedAssociation[] {
  const pinned = plan.pinned[device.index]
  if (pinned) {
    return pinned.apps.map((a) =>
      association(plan, a.appName, device.platform, a.version, a.status),
    )
  }
  // Its own generator, after the device's: the device's facts never depend on its apps.
  const rng = createRng((deviceRng(plan, device.index).next() * 4_294_967_296) ^ 0x5bd1e995)
  const tablet = MODELS.find((m) => m.model === device.model)?.tablet ?? false
  const out: SeedAssociation[] = []
  for (const app of plan.apps) {
    if (app.tabletOnly && !tablet) continue
    if (!rng.chance(app.share)) continue
    const retired = rng.chance(0.04)
    const versions = retired ? app.retired[device.platform] : app.deployed[device.platform]
    const version = rng.pick(versions.length > 0 ? versions : app.deployed[device.platform])
    out.push(
      association(
        plan,
        app.appName,
        device.platform,
        version,
        rng.chance(0.06) ? 'DISABLED' : 'ENABLED',
      ),
    )
  }
  if (out.length === 0) {
    const first = plan.apps.find((a) => !a.tabletOnly) ?? plan.apps[0]
    if (first) {
      out.push(
        association(
          plan,
          first.appName,
          device.platform,
          first.deployed[device.platform][0] ?? '1.0.0',
          'ENABLED',
        ),
      )
    }
  }
  return out
}

/** Every device of a runtime for a fleet size, in index order. */
export function seedDevices(plan: RuntimePlan, fleet: FleetSize, anchor: number): SeedDevice[] {
  const count = plan.devices[fleet]
  const out: SeedDevice[] = new Array(count)
  for (let i = 0; i < count; i++) out[i] = seedDevice(plan, fleet, i, anchor)
  return out
}

/**
 * What ordering a whole fleet by id or by name needs of each device, drawn in one tight
 * pass without building the devices (their ids, users and dates are not needed for it).
 */
export interface DeviceOrderFacts {
  /**
   * The first 8 hex digits of each device's id, as a number. Ids are lowercase hex
   * UUIDs, so they compare as these do, except where two are equal.
   */
  idHead: Uint32Array
  /** Each device's name, as an index into `names`. */
  nameOf: Uint32Array
  /** The names: every owner's first name with every model, then kiosks and pinned devices. */
  names: string[]
}

const TWO_32 = 4_294_967_296

/**
 * Ids' first digits and names of a runtime's devices, exactly as `seedDevice` gives
 * them (a test compares every device of every fleet). About a millisecond for 50,000,
 * against a few hundred for building them.
 */
export function deviceOrderFacts(plan: RuntimePlan, fleet: FleetSize): DeviceOrderFacts {
  const count = plan.devices[fleet]
  const userPool = userPoolOf(plan, fleet)
  const names: string[] = []
  for (const first of FIRST_NAMES)
    for (const kind of MODELS) names.push(ownedName(first, kind.model))
  const idHead = new Uint32Array(count)
  const nameOf = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    const seed = deviceSeed(plan, i)
    // uuidFrom's first draw is the id's first 8 digits.
    idHead[i] = drawAt(seed, 1)
    const pinned = plan.pinned[i]
    if (pinned) {
      nameOf[i] = names.push(pinned.name) - 1
      continue
    }
    // The same arithmetic as rng.pick and rng.int on the same draws.
    const model = Math.floor((drawAt(seed, 5) / TWO_32) * MODELS.length)
    const roll = drawAt(seed, 7) / TWO_32
    if (roll < KIOSK_SHARE) {
      nameOf[i] = names.push(kioskName(MODELS[model]?.model ?? '', i)) - 1
      continue
    }
    const user = Math.floor((drawAt(seed, 8) / TWO_32) * userPool)
    nameOf[i] = (user % FIRST_NAMES.length) * MODELS.length + model
  }
  return { idHead, nameOf, names }
}

/**
 * Each device's search text, lowercased: its name and its users' ids, one a line, as
 * `seedDevice` gives them (a test compares every device), drawn without building the
 * devices: a first search costs tens of milliseconds, not the whole fleet's build.
 */
export function deviceSearchTexts(
  plan: RuntimePlan,
  fleet: FleetSize,
  facts: DeviceOrderFacts,
): string[] {
  const count = plan.devices[fleet]
  const userPool = userPoolOf(plan, fleet)
  const names = facts.names.map((name) => name.toLowerCase())
  const userIds: string[] = []
  const userId = (draw: number) => {
    const u = Math.floor((draw / TWO_32) * userPool)
    return (userIds[u] ??= userName(u).id)
  }
  const texts: string[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const pinned = plan.pinned[i]
    if (pinned) {
      texts[i] = [pinned.name, ...pinned.users].join('\n').toLowerCase()
      continue
    }
    const name = names[facts.nameOf[i] ?? 0] ?? ''
    const seed = deviceSeed(plan, i)
    const roll = drawAt(seed, 7) / TWO_32
    if (roll < KIOSK_SHARE) {
      texts[i] = name
      continue
    }
    const owner = userId(drawAt(seed, 8))
    const tablet = MODELS[Math.floor((drawAt(seed, 5) / TWO_32) * MODELS.length)]?.tablet
    // A shared tablet's second user is the next draw, as in seedDevice.
    texts[i] =
      tablet && roll < 0.12 ? `${name}\n${owner}\n${userId(drawAt(seed, 9))}` : `${name}\n${owner}`
  }
  return texts
}
