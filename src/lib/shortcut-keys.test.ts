import { expect, test } from 'vitest'
import {
  createShortcutReader,
  isTypingTarget,
  overlayOpen,
  SEQUENCE_MS,
  type KeyPress,
} from './shortcut-keys.ts'

const GO = new Set(['s', 'g', 'a'])

function press(key: string, more: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    typing: false,
    overlay: false,
    at: 0,
    ...more,
  }
}

test('⌘K and Ctrl+K open the palette everywhere: in a field and over a dialog', () => {
  const read = createShortcutReader(GO)
  expect(read(press('k', { metaKey: true }))).toBe('palette')
  expect(read(press('K', { ctrlKey: true, typing: true }))).toBe('palette')
  expect(read(press('k', { ctrlKey: true, overlay: true }))).toBe('palette')
  expect(read(press('k', { ctrlKey: true, altKey: true }))).toBeNull()
  expect(read(press('k'))).toBeNull()
})

test('/ and ? ask for the filter and the cheat sheet', () => {
  const read = createShortcutReader(GO)
  expect(read(press('/'))).toBe('filter')
  expect(read(press('Shift'))).toBeNull()
  expect(read(press('?'))).toBe('cheat-sheet')
})

test('g then a letter goes to that area, in time only, and g g is an area too', () => {
  const read = createShortcutReader(GO)
  expect(read(press('g', { at: 0 }))).toBeNull()
  expect(read(press('a', { at: 100 }))).toEqual({ go: 'a' })
  expect(read(press('a', { at: 200 }))).toBeNull()
  expect(read(press('g', { at: 300 }))).toBeNull()
  expect(read(press('g', { at: 400 }))).toEqual({ go: 'g' })
  expect(read(press('g', { at: 1000 }))).toBeNull()
  expect(read(press('s', { at: 1000 + SEQUENCE_MS + 1 }))).toBeNull()
  // A letter that is no area ends the sequence.
  read(press('g', { at: 5000 }))
  expect(read(press('x', { at: 5100 }))).toBeNull()
  expect(read(press('s', { at: 5200 }))).toBeNull()
})

test('no single-key shortcut fires while typing, over a dialog or with a modifier', () => {
  const read = createShortcutReader(GO)
  for (const blocked of [
    { typing: true },
    { overlay: true },
    { ctrlKey: true },
    { altKey: true },
  ]) {
    expect(read(press('/', blocked))).toBeNull()
    expect(read(press('?', blocked))).toBeNull()
    expect(read(press('g', blocked))).toBeNull()
    expect(read(press('a', blocked))).toBeNull()
  }
  // `g` typed into a filter does not arm a sequence for the next key outside it.
  expect(read(press('g', { typing: true, at: 0 }))).toBeNull()
  expect(read(press('a', { at: 10 }))).toBeNull()
})

test('fields, editable regions and comboboxes are typing targets; checkboxes and buttons are not', () => {
  document.body.innerHTML = `
    <input id="text"><input id="search" type="search"><textarea id="area"></textarea>
    <select id="select"></select><div contenteditable="true"><span id="editable">x</span></div>
    <div contenteditable="false" id="not-editable"></div><div role="combobox" id="combo"></div>
    <input type="checkbox" id="check"><button id="button"></button><a href="#x" id="link">x</a>`
  const at = (id: string) => document.getElementById(id)
  const typing = ['text', 'search', 'area', 'select', 'editable', 'combo']
  const notTyping = ['not-editable', 'check', 'button', 'link']
  expect([...typing, ...notTyping].filter((id) => isTypingTarget(at(id)))).toEqual(typing)
  expect(isTypingTarget(document.body)).toBe(false)
  expect(isTypingTarget(null)).toBe(false)
})

test('an open dialog or menu is an overlay', () => {
  document.body.innerHTML = '<main><button>x</button></main>'
  expect(overlayOpen(document)).toBe(false)
  document.body.innerHTML = '<div role="dialog"></div>'
  expect(overlayOpen(document)).toBe(true)
  document.body.innerHTML = '<div role="menu"></div>'
  expect(overlayOpen(document)).toBe(true)
})
