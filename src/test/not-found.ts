import { screen } from '@testing-library/react'
import { expect } from 'vitest'
import { renderApp } from './render-app.tsx'

/**
 * Opens a detail page whose item does not exist, waits for the route's "not found"
 * heading and returns the link back to the list, for the test to check where it goes.
 */
export async function openNotFoundPage(
  path: string,
  heading: string,
  backLink: string,
): Promise<HTMLElement> {
  renderApp(path)
  expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument()
  return screen.getByRole('link', { name: backLink })
}
