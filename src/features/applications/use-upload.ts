import { useRef, useState } from 'react'
import type { UploadProgress } from '../../lib/upload.ts'

/**
 * The progress and the cancel of an artifact upload from a dialog. `start` gives the
 * options to send it with; `cancel` aborts it; `closing` wraps the dialog's
 * `onOpenChange`, so closing the dialog cancels the upload too.
 */
export function useUpload() {
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const abort = useRef<AbortController | null>(null)
  const cancel = () => abort.current?.abort()
  return {
    progress,
    start(size: number) {
      const controller = new AbortController()
      abort.current = controller
      setProgress({ loaded: 0, total: size })
      return { onProgress: setProgress, signal: controller.signal }
    },
    /** The upload ended, either way: no progress to show. */
    settled: () => setProgress(null),
    cancel,
    closing: (onOpenChange: (open: boolean) => void) => (next: boolean) => {
      if (!next) cancel()
      onOpenChange(next)
    },
  }
}
