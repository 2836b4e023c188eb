import { Button } from '../../components/button.tsx'
import { useT } from '../../components/i18n.tsx'
import type { DialogState } from '../../components/modal.tsx'
import { Modal } from '../../components/modal.tsx'
import type { MessageKey } from '../../lib/i18n.ts'
import { AREAS } from './areas.ts'
import './palette.css'

/** A key as the operator presses it: a character, or a message naming it ("Ctrl K"). */
type Key = string | { name: MessageKey }

/** Keys as the operator presses them: each in its own `<kbd>`, "then" between steps. */
function Keys({ steps }: { steps: ReadonlyArray<readonly Key[]> }) {
  const t = useT()
  return (
    <span className="shortcut-keys">
      {steps.map((alternatives, i) => (
        <span key={i}>
          {i > 0 && <span className="muted"> {t('shell.cheatSheet.then')} </span>}
          {alternatives.map((key, j) => {
            const text = typeof key === 'string' ? key : t(key.name)
            return (
              <span key={text}>
                {j > 0 && <span className="muted"> {t('shell.cheatSheet.or')} </span>}
                <kbd>{text}</kbd>
              </span>
            )
          })}
        </span>
      ))}
    </span>
  )
}

// Keys, not words: translated as the sheet renders, in the language shown.
const SHORTCUTS: ReadonlyArray<{ keys: ReadonlyArray<readonly Key[]>; what: MessageKey }> = [
  { keys: [['⌘K', { name: 'shell.keys.controlK' }]], what: 'shell.cheatSheet.palette' },
  { keys: [['/']], what: 'shell.cheatSheet.filter' },
  { keys: [['?']], what: 'shell.cheatSheet.sheet' },
  ...AREAS.map((area) => ({ keys: [['g'], [area.key]], what: area.goTo })),
]

/** Every keyboard shortcut, opened with `?` or from the palette (ADR 026). */
export function CheatSheet({ open, onOpenChange }: DialogState) {
  const t = useT()
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={t('shell.cheatSheet.title')}
      description={t('shell.cheatSheet.description')}
      footer={
        <Button variant="primary" onClick={() => onOpenChange(false)}>
          {t('shell.cheatSheet.close')}
        </Button>
      }
    >
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.what} className="shortcut-row">
            <dt>
              <Keys steps={shortcut.keys} />
            </dt>
            <dd>{t(shortcut.what)}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  )
}
