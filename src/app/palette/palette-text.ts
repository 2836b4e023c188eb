/**
 * Every word of the command palette and the cheat sheet, in English, in one place (ADR
 * 026): the languages half of issue 18 moves them into message catalogs. Loaded with the
 * palette; the header button's words are in `launcher-text.ts`, which loads with the shell.
 */
export const PALETTE_TEXT = {
  dialogTitle: 'Command palette',
  inputLabel: 'Search or run a command',
  inputPlaceholder: 'Type a name, an area or a command…',
  listLabel: 'Commands and results',
  noResults: 'Nothing matches. Try another name, or an area such as “Applications”.',
  hint: '↑ ↓ to move · Enter to run · Esc to close',
  loading: (what: string) => `Looking through ${what}…`,
  failed: (what: string) => `Could not read ${what}; the other results are shown.`,
  more: (shown: number, total: number) => `${shown} of ${total}: type more to narrow`,
  blocked: (reason: string) => `Unavailable: ${reason}`,
  notPermitted: 'Not permitted.',
  groups: {
    page: 'On this page',
    areas: 'Go to',
    applications: 'Applications',
    servers: 'Servers',
    serverGroups: 'Server groups',
    clusters: 'Clusters',
    devices: 'Devices',
    clientApps: 'Client applications',
    settings: 'Settings',
  },
  goTo: (area: string) => `Go to ${area}`,
  environment: 'Switch to environment',
  production: '(production)',
  currentEnvironment: '(current)',
  theme: {
    system: 'Theme: follow the system',
    light: 'Theme: light',
    dark: 'Theme: dark',
  },
  device: (user: string) => `user ${user}`,
  cheatSheet: {
    title: 'Keyboard shortcuts',
    description: 'Single keys work when no field has focus and no dialog is open.',
    close: 'Close',
    palette: 'Open the command palette',
    filter: 'Focus the page’s filter or search box',
    sheet: 'Show these shortcuts',
    goTo: (area: string) => `Go to ${area}`,
    then: 'then',
    or: 'or',
  },
  /** By `Area['id']`. */
  areas: {
    servers: 'Servers',
    serverGroups: 'Server groups',
    clusters: 'Clusters',
    applications: 'Applications',
    devices: 'Devices',
    clientApps: 'Client applications',
    activity: 'Activity',
  },
} as const
