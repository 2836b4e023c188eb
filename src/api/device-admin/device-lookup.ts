import { t, type MessageKey, type MessageValues } from '../../lib/i18n.ts'
import { isolateText } from '../../lib/isolate-text.ts'

/*
 * A device lookup's limits and its finding when the device is not there: apart from the
 * devices api module (devices.ts, `findDevice`) so that the device route, which the first
 * visit loads, can tell this error by its class without loading that module.
 */

/** The page size the console asks for (the API's default). */
export const DEVICE_PAGE_SIZE = 100
/** How many pages a device lookup reads before giving up (see `findDevice`). */
export const DEVICE_LOOKUP_PAGES = 20

/** A sentence before it is worded: its message key and values (`id` and `runtime` are API text). */
export interface DeviceMissingWords {
  key: MessageKey
  values: MessageValues
}

/**
 * The device was not among the pages a lookup read. The sentence is made once, here: as
 * the error's message (plain text, the API's words isolated; a device page's refresh shows
 * it beside "updated") and, by the device route, from `words` with the API's words in
 * `<bdi>`.
 */
export class DeviceNotFoundError extends Error {
  override readonly name = 'DeviceNotFoundError'
  readonly runtime: string
  readonly deviceId: string
  /** True when the lookup stopped at its page limit rather than at the end of the list. */
  readonly gaveUp: boolean
  /** How many devices a lookup reads at most. */
  readonly limit = DEVICE_LOOKUP_PAGES * DEVICE_PAGE_SIZE

  constructor(runtime: string, deviceId: string, gaveUp: boolean) {
    super()
    this.runtime = runtime
    this.deviceId = deviceId
    this.gaveUp = gaveUp
    const { key, values } = this.words
    this.message = t(key, { ...values, id: isolateText(deviceId), runtime: isolateText(runtime) })
  }

  /** The sentence that says why, to be worded in the language shown. */
  get words(): DeviceMissingWords {
    const values = { id: this.deviceId, runtime: this.runtime }
    return this.gaveUp
      ? { key: 'shell.routes.device.notAmongFirst', values: { ...values, count: this.limit } }
      : { key: 'shell.routes.device.gone', values }
  }
}
