import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import * as z from 'zod/mini'
import { expect, test, vi } from 'vitest'
import { Checkbox } from './checkbox.tsx'
import { ChoiceField } from './choice-field.tsx'
import { Fieldset } from './fieldset.tsx'
import { FileField } from './file-field.tsx'
import { SelectField, TextAreaField, TextField } from './text-field.tsx'
import { useForm } from './use-form.ts'
import { validateWith } from './zod-validation.ts'

const Schema = z.object({
  name: z.string().check(z.minLength(3, 'Use at least 3 characters.')),
  port: z.string().check(z.regex(/^\d+$/, 'Enter the port as digits, e.g. 8080.')),
  mode: z.enum(['multicast', 'unicast'], 'Choose multicast or unicast.'),
})

function Demo({ onValid }: { onValid: (input: z.infer<typeof Schema>) => void }) {
  const [values, setValues] = useState({ name: '', port: '', mode: '' })
  const form = useForm({ values, validate: (v) => validateWith(Schema, v) })
  return (
    <form {...form.props} onSubmit={(event) => form.handleSubmit(event, onValid)}>
      <TextField
        label="Name"
        hint="At least 3 characters."
        value={values.name}
        error={form.errors.name}
        onChange={(name) => {
          setValues((v) => ({ ...v, name }))
          form.clearErrors(['name'])
        }}
      />
      <TextField
        label="Port"
        inputMode="numeric"
        value={values.port}
        error={form.errors.port}
        onChange={(port) => setValues((v) => ({ ...v, port }))}
      />
      <ChoiceField
        legend="Mode"
        choices={[
          { value: 'multicast', label: 'Multicast' },
          { value: 'unicast', label: 'Unicast' },
        ]}
        value={values.mode}
        error={form.errors.mode}
        onChange={(mode) => setValues((v) => ({ ...v, mode }))}
      />
      <button type="submit">Save</button>
    </form>
  )
}

test('a field points at its hint, and at its error instead once the submit fails', async () => {
  const user = userEvent.setup()
  render(<Demo onValid={() => undefined} />)
  const name = screen.getByLabelText('Name')
  expect(name).not.toHaveAttribute('aria-invalid')
  expect(name).toHaveAccessibleDescription('At least 3 characters.')
  // A field without hint or error points at nothing rather than at an empty element.
  expect(screen.getByLabelText('Port')).not.toHaveAttribute('aria-describedby')

  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(name).toHaveAttribute('aria-invalid', 'true')
  expect(name).toHaveAccessibleDescription('Use at least 3 characters.')
  expect(screen.getByLabelText('Port')).toHaveAccessibleDescription(
    'Enter the port as digits, e.g. 8080.',
  )
  const mode = screen.getByRole('group', { name: 'Mode' })
  expect(mode).toHaveAttribute('aria-invalid', 'true')
  expect(mode).toHaveAccessibleDescription('Choose multicast or unicast.')
})

test('a failed submit focuses the first invalid field, in document order', async () => {
  const user = userEvent.setup()
  render(<Demo onValid={() => undefined} />)
  await user.type(screen.getByLabelText('Name'), 'web')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(screen.getByLabelText('Port')).toHaveFocus()

  await user.type(screen.getByLabelText('Port'), '8080')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  // A radio group cannot take focus itself: its first radio does.
  expect(screen.getByRole('radio', { name: 'Multicast' })).toHaveFocus()
})

test('values survive a failed submit, and a passing one sends the parsed input', async () => {
  const user = userEvent.setup()
  const onValid = vi.fn<(input: z.infer<typeof Schema>) => void>()
  render(<Demo onValid={onValid} />)
  await user.type(screen.getByLabelText('Name'), 'we')
  await user.type(screen.getByLabelText('Port'), '80a')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(onValid).not.toHaveBeenCalled()
  expect(screen.getByLabelText('Name')).toHaveValue('we')
  expect(screen.getByLabelText('Port')).toHaveValue('80a')

  await user.type(screen.getByLabelText('Name'), 'b')
  // Changing a field drops its own message; the others keep theirs until the next submit.
  expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid')
  expect(screen.getByLabelText('Port')).toHaveAttribute('aria-invalid', 'true')
  await user.clear(screen.getByLabelText('Port'))
  await user.type(screen.getByLabelText('Port'), '8080')
  await user.click(screen.getByRole('radio', { name: 'Unicast' }))
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(onValid).toHaveBeenCalledWith({ name: 'web', port: '8080', mode: 'unicast' })
  for (const box of screen.getAllByRole('textbox')) expect(box).not.toHaveAttribute('aria-invalid')
})

test('a select field and a file field wire their label and message the same way', async () => {
  const user = userEvent.setup()
  const chosen = vi.fn<(file: File | null) => void>()
  render(
    <>
      <SelectField label="Tier" value="" error="Choose a tier." onChange={() => undefined}>
        <option value="">Choose…</option>
      </SelectField>
      <FileField
        label="Artifact file"
        dropHint="or drop a .zip here"
        hint="A .zip up to 200 MB."
        onChange={chosen}
      />
    </>,
  )
  const tier = screen.getByRole('combobox', { name: 'Tier' })
  expect(tier).toHaveAttribute('aria-invalid', 'true')
  expect(tier).toHaveAccessibleDescription('Choose a tier.')
  const file = screen.getByLabelText('Artifact file')
  expect(file).toHaveAccessibleDescription('A .zip up to 200 MB.')
  await user.upload(file, new File(['x'], 'app.zip'))
  expect(chosen).toHaveBeenCalledWith(expect.objectContaining({ name: 'app.zip' }))
})

test('a text area, a checkbox and a fieldset name and describe their controls', async () => {
  const user = userEvent.setup()
  const toggled = vi.fn<(checked: boolean) => void>()
  render(
    <Fieldset legend="Servers" error="Choose at least one server.">
      <TextAreaField
        label="Description"
        value=""
        hint="At most 200 characters."
        onChange={() => undefined}
      />
      <Checkbox label="web-1" checked={false} hint="Disconnected" onChange={toggled} />
    </Fieldset>,
  )
  const group = screen.getByRole('group', { name: 'Servers' })
  expect(group).toHaveAttribute('aria-invalid', 'true')
  expect(group).toHaveAccessibleDescription('Choose at least one server.')
  expect(screen.getByRole('textbox', { name: 'Description' })).toHaveAccessibleDescription(
    'At most 200 characters.',
  )
  const box = screen.getByRole('checkbox', { name: 'web-1' })
  expect(box).toHaveAccessibleDescription('Disconnected')
  await user.click(box)
  expect(toggled).toHaveBeenCalledWith(true)
})

test('the file drop zone: a real button chooses by keyboard, a drop chooses too, the chosen file is named with its size', async () => {
  const user = userEvent.setup()
  const chosen = vi.fn<(file: File | null) => void>()
  function Zone() {
    const [file, setFile] = useState<File | null>(null)
    return (
      <FileField
        label="Artifact file"
        dropHint="or drop a .zip here"
        hint="A .zip up to 200 MB."
        file={file}
        onChange={(next) => {
          chosen(next)
          setFile(next)
        }}
      />
    )
  }
  render(<Zone />)
  const input = screen.getByLabelText('Artifact file')
  const opened = vi.fn<() => void>()
  input.addEventListener('click', opened)
  // The native input is not a Tab stop; the button is, and Enter or Space opens the picker.
  await user.tab()
  const button = screen.getByRole('button', { name: 'Choose file…' })
  expect(button).toHaveFocus()
  expect(button).toHaveAccessibleDescription('Artifact file A .zip up to 200 MB.')
  await user.keyboard('{Enter}')
  await user.keyboard(' ')
  expect(opened).toHaveBeenCalledTimes(2)
  expect(screen.getByText('or drop a .zip here')).toBeInTheDocument()

  const dropped = new File(['x'.repeat(2048)], 'orders-api.zip')
  fireEvent.drop(input.closest('.drop-zone')!, { dataTransfer: { files: [dropped] } })
  expect(chosen).toHaveBeenLastCalledWith(dropped)
  expect(screen.getByText('orders-api.zip · 2.0 KB')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Choose another file…' })).toBeInTheDocument()

  await user.upload(input, new File(['y'], 'billing.zip'))
  expect(chosen).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'billing.zip' }))
  expect(screen.getByText('billing.zip · 1 B')).toBeInTheDocument()
})

test('a ChoiceField styles its own options: plain weight, not the bold of a field label', () => {
  render(
    <ChoiceField
      legend="Apply"
      choices={[{ value: 'wait', label: 'Wait for the result' }]}
      value="wait"
      onChange={() => undefined}
    />,
  )
  const option = screen.getByText('Wait for the result').closest('label')
  expect(option).toHaveClass('choice-option')
  expect(screen.getByRole('group', { name: 'Apply' })).toHaveClass('choice-field')
})
