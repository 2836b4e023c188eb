/** What an association's `appId` (`bundle$platform$version`) says about the application. */
export interface ParsedAppId {
  /** The bundle or package id, e.g. `com.acme.bank`; the whole `appId` when it is not in the usual form. */
  bundleId: string
  /** The platform as the server spells it (`ios`, `android` …), or null when absent. */
  platform: string | null
  /** The platform in operator words (`iOS`, `Android` …), or null when absent. */
  platformLabel: string | null
  /** The application version, e.g. `2.1.0`, or null when absent. */
  version: string | null
}

const PLATFORM_LABELS: Record<string, string> = {
  ios: 'iOS',
  android: 'Android',
  web: 'Web',
  desktopbrowser: 'Desktop browser',
  windows: 'Windows',
  windows8: 'Windows 8',
  windowsphone8: 'Windows Phone 8',
  windowsphone: 'Windows Phone',
}

/** "ios" → "iOS"; unknown platforms are shown as the server spells them. */
export function platformLabel(platform: string): string {
  return PLATFORM_LABELS[platform.toLowerCase()] ?? platform
}

/**
 * Reads `bundle$platform$version` (e.g. `com.acme.bank$ios$2.1.0`). An id in another
 * form is kept whole as the bundle id, with no platform or version, so nothing is
 * invented; empty parts count as absent.
 */
export function parseAppId(appId: string): ParsedAppId {
  const parts = appId.split('$')
  if (parts.length !== 3) {
    return { bundleId: appId, platform: null, platformLabel: null, version: null }
  }
  const [bundle = '', platform = '', version = ''] = parts.map((p) => p.trim())
  return {
    bundleId: bundle || appId,
    platform: platform || null,
    platformLabel: platform ? platformLabel(platform) : null,
    version: version || null,
  }
}
