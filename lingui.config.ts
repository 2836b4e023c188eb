import { defineConfig } from '@lingui/conf'
import { formatter } from '@lingui/format-json'
import { AREAS, LANGUAGES } from './src/locales/areas.ts'

// One catalog per area and language (src/locales/areas.ts), in the "minimal" JSON form (key: ICU
// message), compiled when imported with `?lingui` (docs/decisions/029-languages.md).

export default defineConfig({
  sourceLocale: 'en',
  locales: [...LANGUAGES],
  format: formatter({ style: 'minimal' }),
  catalogs: AREAS.map((area) => ({
    path: `<rootDir>/src/locales/{locale}/${area}`,
    include: ['<rootDir>/src'],
  })),
})
