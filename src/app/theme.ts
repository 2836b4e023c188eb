import { useSyncExternalStore } from 'react'

export type ThemeChoice = 'system' | 'light' | 'dark'
const KEY = 'runtime-console.theme'
const listeners = new Set<() => void>()
const media = () => window.matchMedia('(prefers-color-scheme: dark)')

function readChoice(): ThemeChoice {
  const value = localStorage.getItem(KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

/** Sets `data-theme` on <html> from the remembered choice or the system setting. */
export function applyTheme(): void {
  const choice = readChoice()
  const dark = choice === 'dark' || (choice === 'system' && media().matches)
  document.documentElement.dataset.theme = dark ? 'dark' : 'light'
}

export function setThemeChoice(choice: ThemeChoice): void {
  if (choice === 'system') localStorage.removeItem(KEY)
  else localStorage.setItem(KEY, choice)
  applyTheme()
  for (const l of listeners) l()
}

/** Follows the system setting live unless the operator chose a theme. */
export function watchSystemTheme(): void {
  media().addEventListener('change', () => {
    applyTheme()
    for (const l of listeners) l()
  })
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore((l) => {
    listeners.add(l)
    return () => listeners.delete(l)
  }, readChoice)
}
