import { Button } from '../../components/button.tsx'
import type { DialogState } from '../../components/modal.tsx'
import { Modal } from '../../components/modal.tsx'
import { AREAS } from './areas.ts'
import { PALETTE_TEXT } from './palette-text.ts'
import './palette.css'

const T = PALETTE_TEXT.cheatSheet

/** Keys as the operator presses them: each in its own `<kbd>`, "then" between steps. */
function Keys({ steps }: { steps: ReadonlyArray<readonly string[]> }) {
  return (
    <span className="shortcut-keys">
      {steps.map((alternatives, i) => (
        <span key={i}>
          {i > 0 && <span className="muted"> {T.then} </span>}
          {alternatives.map((key, j) => (
            <span key={key}>
              {j > 0 && <span className="muted"> {T.or} </span>}
              <kbd>{key}</kbd>
            </span>
          ))}
        </span>
      ))}
    </span>
  )
}

const SHORTCUTS: ReadonlyArray<{ keys: ReadonlyArray<readonly string[]>; what: string }> = [
  { keys: [['⌘K', 'Ctrl K']], what: T.palette },
  { keys: [['/']], what: T.filter },
  { keys: [['?']], what: T.sheet },
  ...AREAS.map((area) => ({
    keys: [['g'], [area.key]],
    what: T.goTo(PALETTE_TEXT.areas[area.id]),
  })),
]

/** Every keyboard shortcut, opened with `?` or from the palette (ADR 026). */
export function CheatSheet({ open, onOpenChange }: DialogState) {
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={T.title}
      description={T.description}
      footer={
        <Button variant="primary" onClick={() => onOpenChange(false)}>
          {T.close}
        </Button>
      }
    >
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.what} className="shortcut-row">
            <dt>
              <Keys steps={shortcut.keys} />
            </dt>
            <dd>{shortcut.what}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  )
}
