import { defineConfig } from '@lingui/conf'
import { formatter } from '@lingui/format-json'

// One catalog per area (src/lib/i18n.ts AREAS), in the "minimal" JSON form (key: ICU
// message), compiled when imported with `?lingui` (docs/decisions/029-languages.md).
const AREAS = [
  'shell',
  'ui',
  'applications',
  'servers',
  'targets',
  'devices',
  'client-apps',
  'activity',
  'session',
]

export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'de', 'ar'],
  format: formatter({ style: 'minimal' }),
  catalogs: AREAS.map((area) => ({
    path: `<rootDir>/src/locales/{locale}/${area}`,
    include: ['<rootDir>/src'],
  })),
})
