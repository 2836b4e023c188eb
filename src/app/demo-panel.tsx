import { useQueryClient } from '@tanstack/react-query'
import { useState, useSyncExternalStore } from 'react'
import { toast } from 'sonner'
import { Button } from '../components/button.tsx'
import { Fieldset } from '../components/form/fieldset.tsx'
import { Msg, useT } from '../components/i18n.tsx'
import { Modal } from '../components/modal.tsx'
import { FAULT_EFFECTS, type FaultEffect } from '../demo/faults.ts'
import type { DemoControls } from '../demo/start-browser.ts'
import { t as translate, type MessageKey } from '../lib/i18n.ts'
import { setDemoPanelOpen, takeDemoPanelOpener, useDemoPanelOpen } from './demo-panel-state.ts'
import { showToasts } from './toasts.tsx'

/** Demo-mode controls: fleet size, fault injection, reset. Not part of a live build. */
export function DemoPanel({ demo }: { demo: DemoControls }) {
  // Shared with the account menu, which opens the panel on a phone.
  const open = useDemoPanelOpen()
  const setOpen = setDemoPanelOpen
  const [confirmReset, setConfirmReset] = useState(false)
  const faults = useSyncExternalStore(demo.subscribeFaults, demo.getFaults)
  const queryClient = useQueryClient()
  const t = useT()
  const faulty =
    faults.offline || faults.failureRate > 0 || faults.latencyMs > 0 || faults.rules.length > 0

  return (
    <div className="demo-panel">
      <Button
        className="demo-panel-trigger"
        onClick={() => setOpen(true)}
        variant={faulty ? 'danger' : 'default'}
      >
        {faulty ? t('shell.demo.titleFaulty') : t('shell.demo.title')}
      </Button>
      <Modal
        open={open}
        onOpenChange={setOpen}
        title={t('shell.demo.title')}
        closeLabel={t('shell.demo.closeLabel')}
        onCloseAutoFocus={(event) => {
          const opener = takeDemoPanelOpener()
          if (!opener) return
          event.preventDefault()
          opener.focus()
        }}
        description={t('shell.demo.description')}
        footer={<Button onClick={() => setOpen(false)}>{t('shell.demo.close')}</Button>}
      >
        <Fieldset legend={t('shell.demo.fleet.legend')}>
          {(['small', 'large'] as const).map((fleet) => (
            <label key={fleet}>
              <input
                type="radio"
                name="fleet"
                checked={demo.fleet === fleet}
                onChange={() => {
                  demo.setFleet(fleet)
                  window.location.reload()
                }}
              />{' '}
              {fleet === 'small'
                ? t('shell.demo.fleet.small')
                : t('shell.demo.fleet.large', { servers: 2000, applications: 10000 })}
            </label>
          ))}
        </Fieldset>
        <Fieldset legend={t('shell.demo.faults.legend')}>
          <NumberSetting
            label={t('shell.demo.faults.latency')}
            min={0}
            max={30000}
            step={100}
            value={faults.latencyMs}
            onChange={(latencyMs) => demo.setFaults({ latencyMs })}
          />
          <NumberSetting
            label={t('shell.demo.faults.failureRate')}
            min={0}
            max={100}
            step={5}
            value={Math.round(faults.failureRate * 100)}
            onChange={(percent) => demo.setFaults({ failureRate: percent / 100 })}
          />
          <label>
            <input
              type="checkbox"
              checked={faults.offline}
              onChange={(e) => demo.setFaults({ offline: e.target.checked })}
            />{' '}
            {t('shell.demo.faults.offline')}
          </label>
          <Button
            size="small"
            onClick={() =>
              demo.setFaults({ latencyMs: 0, failureRate: 0, offline: false, rules: [] })
            }
            disabled={!faulty}
          >
            {t('shell.demo.faults.clear')}
          </Button>
        </Fieldset>
        <FaultRules demo={demo} />
        <AgentSimulator demo={demo} />
        <Fieldset legend={t('shell.demo.data.legend')}>
          {confirmReset ? (
            <div className="alert alert-warn">
              <p style={{ marginTop: 0 }}>
                {t('shell.demo.data.confirmReset', { fleet: demo.fleet })}
              </p>
              <div className="toolbar">
                <Button onClick={() => setConfirmReset(false)}>
                  {t('shell.demo.data.cancel')}
                </Button>
                <Button
                  variant="danger"
                  onClick={() => {
                    demo.reset()
                    setConfirmReset(false)
                    void queryClient.invalidateQueries()
                    showToasts()
                    toast.success(translate('shell.demo.data.resetDone'))
                  }}
                >
                  {t('shell.demo.data.reset')}
                </Button>
              </div>
            </div>
          ) : (
            <Button onClick={() => setConfirmReset(true)}>{t('shell.demo.data.resetAsk')}</Button>
          )}
          <Button
            onClick={() => {
              demo.expireSessions()
              setOpen(false)
              void queryClient.invalidateQueries()
            }}
          >
            {t('shell.demo.data.expire')}
          </Button>
        </Fieldset>
      </Modal>
    </div>
  )
}

/** A pretend host: paste the setup command from Register server and its agent connects. */
function AgentSimulator({ demo }: { demo: DemoControls }) {
  const [command, setCommand] = useState('')
  // The host's name, or the simulator's own message (English, as an agent would answer).
  const [outcome, setOutcome] = useState<
    { ok: true; name: string } | { ok: false; text: string } | null
  >(null)
  const queryClient = useQueryClient()
  const t = useT()
  return (
    <Fieldset legend={t('shell.demo.agent.legend')}>
      <label className="field">
        {t('shell.demo.agent.command')}
        {/* A shell command and a request line read left to right in every language. */}
        <textarea
          dir="ltr"
          rows={2}
          value={command}
          placeholder="./amc_setup -H '<token>' '<server name>'"
          onChange={(e) => setCommand(e.target.value)}
        />
      </label>
      <Button
        size="small"
        disabled={command.trim() === ''}
        onClick={() => {
          const result = demo.runSetupCommand(command)
          if (result.ok) {
            setOutcome({ ok: true, name: result.name })
            setCommand('')
            void queryClient.invalidateQueries()
          } else setOutcome({ ok: false, text: result.message })
        }}
      >
        {t('shell.demo.agent.run')}
      </Button>
      {outcome && (
        <div
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? 'field-hint' : 'field-error'}
        >
          {outcome.ok ? (
            <Msg id="shell.demo.agent.registered" values={{ name: outcome.name }} />
          ) : (
            outcome.text
          )}
        </div>
      )}
    </Fieldset>
  )
}

const EFFECT_LABEL: Record<FaultEffect, MessageKey> = {
  'fail-502': 'shell.demo.effect.fail502',
  'fail-503': 'shell.demo.effect.fail503',
  'lose-answer-502': 'shell.demo.effect.loseAnswer502',
  'lose-answer-network': 'shell.demo.effect.loseAnswerNetwork',
}

/**
 * Counted, deterministic faults: the next N calls matching a text fail, or are applied
 * and lose their answer (what the console must then read back, ADR 012).
 */
function FaultRules({ demo }: { demo: DemoControls }) {
  const faults = useSyncExternalStore(demo.subscribeFaults, demo.getFaults)
  const [matching, setMatching] = useState('')
  const [effect, setEffect] = useState<FaultEffect>('lose-answer-502')
  const [times, setTimes] = useState(1)
  const t = useT()
  return (
    <Fieldset legend={t('shell.demo.rules.legend')}>
      <label className="field">
        {t('shell.demo.rules.matching')}
        <input
          dir="ltr"
          value={matching}
          placeholder="POST /hybrid/api/v1/applications"
          onChange={(e) => setMatching(e.target.value)}
        />
      </label>
      <label className="field">
        {t('shell.demo.rules.effect')}
        <select
          value={effect}
          onChange={(e) =>
            setEffect(FAULT_EFFECTS.find((f) => f === e.target.value) ?? 'lose-answer-502')
          }
        >
          {FAULT_EFFECTS.map((f) => (
            <option key={f} value={f}>
              {t(EFFECT_LABEL[f])}
            </option>
          ))}
        </select>
      </label>
      <NumberSetting
        label={t('shell.demo.rules.times')}
        min={1}
        max={1000}
        value={times}
        onChange={setTimes}
      />
      <Button
        size="small"
        disabled={matching.trim() === ''}
        onClick={() => {
          demo.setFaults({ rules: [...faults.rules, { matching, effect, times }] })
          setMatching('')
        }}
      >
        {t('shell.demo.rules.add')}
      </Button>
      {faults.rules.length > 0 && (
        <ul aria-label={t('shell.demo.rules.inForce')}>
          {faults.rules.map((rule, i) => (
            <li key={i}>
              <Msg
                id="shell.demo.rules.rule"
                values={{
                  effect: t(EFFECT_LABEL[rule.effect]),
                  times: rule.times,
                  matching: <code>{rule.matching}</code>,
                }}
              />{' '}
              <Button
                size="small"
                onClick={() => demo.setFaults({ rules: faults.rules.filter((_, j) => j !== i) })}
              >
                {t('shell.demo.rules.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Fieldset>
  )
}

/** A number the panel sets, typed under its label. */
function NumberSetting({
  label,
  value,
  onChange,
  ...limits
}: {
  label: string
  min: number
  max: number
  step?: number
  value: number
  onChange: (value: number) => void
}) {
  return (
    <label className="field">
      {label}
      <input
        type="number"
        {...limits}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  )
}
