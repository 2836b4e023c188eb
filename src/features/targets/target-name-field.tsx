/**
 * The name field of the create-group and create-cluster forms, with the naming rule as its
 * hint until validation puts the error in its place.
 */
export function TargetNameField({
  id,
  label,
  value,
  error,
  disabled,
  onChange,
}: {
  id: string
  label: string
  value: string
  error: string | undefined
  disabled: boolean
  onChange: (name: string) => void
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>
        {error ??
          'Up to 60 letters, digits, dots, dashes and underscores; unique among groups and clusters.'}
      </span>
    </div>
  )
}
