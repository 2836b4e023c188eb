import { screen, within } from '@testing-library/react'

/** The texts of the links in the table named `table`, top to bottom: a list's rows by name. */
export function linkNamesIn(table: string): string[] {
  return within(screen.getByRole('table', { name: table }))
    .getAllByRole('link')
    .map((link) => link.textContent ?? '')
}
