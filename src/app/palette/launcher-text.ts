/**
 * The words of the header's palette button (ADR 026), apart from `palette-text.ts` because
 * they load with the shell and the rest loads with the palette.
 */
export const LAUNCHER_TEXT = {
  label: 'Search or run a command',
  apple: '⌘K',
  other: 'Ctrl K',
} as const
