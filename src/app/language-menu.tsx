import { DropdownMenu } from 'radix-ui'
import { toast } from 'sonner'
import { message, useLanguage, useT } from '../components/i18n.tsx'
import { LANGUAGE_NAMES, LANGUAGES, setLanguage, type Language } from '../lib/i18n.ts'
import { showToasts } from './toasts.tsx'

/** Switches the console's language and remembers it; a catalog that cannot load says so. */
export function chooseLanguage(language: Language): void {
  setLanguage(language).catch(() => {
    showToasts()
    toast.error(message('shell.language.failed', { language: LANGUAGE_NAMES[language] }))
  })
}

/**
 * The account menu's languages, each named in itself (and marked as that language, so a
 * screen reader says "Deutsch" in German); the choice is remembered in this browser.
 */
export function LanguageMenuItems() {
  const language = useLanguage()
  const t = useT()
  return (
    <DropdownMenu.RadioGroup
      aria-label={t('shell.language.label')}
      value={language}
      onValueChange={(value) => {
        const chosen = LANGUAGES.find((l) => l === value)
        if (chosen) chooseLanguage(chosen)
      }}
    >
      {LANGUAGES.map((l) => (
        <DropdownMenu.RadioItem key={l} value={l} className="menu-item" lang={l}>
          <span aria-hidden="true">{language === l ? '●' : '○'}</span>
          {LANGUAGE_NAMES[l]}
        </DropdownMenu.RadioItem>
      ))}
    </DropdownMenu.RadioGroup>
  )
}
