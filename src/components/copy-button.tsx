import { useState } from 'react'
import { Button } from './button.tsx'
import { useT } from './i18n.tsx'

/**
 * Copies text to the clipboard and says so beside the button (announced as a status); a
 * failure (no clipboard permission) is reported too. The button's name stays "Copy …" so
 * what is seen and what is announced agree.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useT()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
    setTimeout(() => setState('idle'), 2000)
  }
  return (
    <span className="copy-button">
      <Button size="small" onClick={copy} aria-label={label}>
        {t('ui.copy.button')}
      </Button>
      <span role="status" className={state === 'failed' ? 'copy-status failed' : 'copy-status'}>
        {state === 'copied' ? t('ui.copy.copied') : state === 'failed' ? t('ui.copy.failed') : ''}
      </span>
    </span>
  )
}
