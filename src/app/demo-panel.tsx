import { useQueryClient } from '@tanstack/react-query'
import { useState, useSyncExternalStore } from 'react'
import { toast } from 'sonner'
import { Button } from '../components/button.tsx'
import { Modal } from '../components/modal.tsx'
import { FAULT_EFFECTS, type FaultEffect } from '../demo/faults.ts'
import type { DemoControls } from '../demo/start-browser.ts'
import { setDemoPanelOpen, takeDemoPanelOpener, useDemoPanelOpen } from './demo-panel-state.ts'

/** Demo-mode controls: fleet size, fault injection, reset. Not part of a live build. */
export function DemoPanel({ demo }: { demo: DemoControls }) {
  // Shared with the account menu, which opens the panel on a phone.
  const open = useDemoPanelOpen()
  const setOpen = setDemoPanelOpen
  const [confirmReset, setConfirmReset] = useState(false)
  const faults = useSyncExternalStore(demo.subscribeFaults, demo.getFaults)
  const queryClient = useQueryClient()
  const faulty =
    faults.offline || faults.failureRate > 0 || faults.latencyMs > 0 || faults.rules.length > 0

  return (
    <div className="demo-panel">
      <Button
        className="demo-panel-trigger"
        onClick={() => setOpen(true)}
        variant={faulty ? 'danger' : 'default'}
      >
        Demo controls{faulty ? ' (faults on)' : ''}
      </Button>
      <Modal
        open={open}
        onOpenChange={setOpen}
        title="Demo controls"
        closeLabel="Close Demo controls"
        onCloseAutoFocus={(event) => {
          const opener = takeDemoPanelOpener()
          if (!opener) return
          event.preventDefault()
          opener.focus()
        }}
        description="The backend runs in this browser. Nothing here exists in live mode."
        footer={<Button onClick={() => setOpen(false)}>Close</Button>}
      >
        <fieldset className="field">
          <legend>Fleet size</legend>
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
                ? 'Small (a few dozen servers)'
                : 'Large (2,000 servers, 10,000 applications)'}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Fault injection</legend>
          <label className="field">
            Added latency (ms)
            <input
              type="number"
              min={0}
              max={30000}
              step={100}
              value={faults.latencyMs}
              onChange={(e) => demo.setFaults({ latencyMs: Number(e.target.value) })}
            />
          </label>
          <label className="field">
            Failure rate (%)
            <input
              type="number"
              min={0}
              max={100}
              step={5}
              value={Math.round(faults.failureRate * 100)}
              onChange={(e) => demo.setFaults({ failureRate: Number(e.target.value) / 100 })}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={faults.offline}
              onChange={(e) => demo.setFaults({ offline: e.target.checked })}
            />{' '}
            Backend offline (every call fails with a network error)
          </label>
          <Button
            size="small"
            onClick={() =>
              demo.setFaults({ latencyMs: 0, failureRate: 0, offline: false, rules: [] })
            }
            disabled={!faulty}
          >
            Clear faults
          </Button>
        </fieldset>
        <FaultRules demo={demo} />
        <AgentSimulator demo={demo} />
        <fieldset className="field">
          <legend>Data and session</legend>
          {confirmReset ? (
            <div className="alert alert-warn">
              <p style={{ marginTop: 0 }}>
                Forget every change made in this demo and rebuild the {demo.fleet} fleet from its
                seed?
              </p>
              <div className="toolbar">
                <Button onClick={() => setConfirmReset(false)}>Cancel</Button>
                <Button
                  variant="danger"
                  onClick={() => {
                    demo.reset()
                    setConfirmReset(false)
                    void queryClient.invalidateQueries()
                    toast.success('Demo data reset')
                  }}
                >
                  Reset demo data
                </Button>
              </div>
            </div>
          ) : (
            <Button onClick={() => setConfirmReset(true)}>Reset demo data…</Button>
          )}
          <Button
            onClick={() => {
              demo.expireSessions()
              setOpen(false)
              void queryClient.invalidateQueries()
            }}
          >
            Expire my session (see the 401 flow)
          </Button>
        </fieldset>
      </Modal>
    </div>
  )
}

/** A pretend host: paste the setup command from Register server and its agent connects. */
function AgentSimulator({ demo }: { demo: DemoControls }) {
  const [command, setCommand] = useState('')
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const queryClient = useQueryClient()
  return (
    <fieldset className="field">
      <legend>Simulated host</legend>
      <label className="field">
        Paste the setup command from Register server
        <textarea
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
            setOutcome({
              ok: true,
              text: `Agent of ${result.name} registered; it connects in a few seconds.`,
            })
            setCommand('')
            void queryClient.invalidateQueries()
          } else setOutcome({ ok: false, text: result.message })
        }}
      >
        Run on the simulated host
      </Button>
      {outcome && (
        <div
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? 'field-hint' : 'field-error'}
        >
          {outcome.text}
        </div>
      )}
    </fieldset>
  )
}

const EFFECT_LABEL: Record<FaultEffect, string> = {
  'fail-502': 'Fail with 502 (not applied)',
  'fail-503': 'Fail with 503 (not applied)',
  'lose-answer-502': 'Apply, then lose the answer (502)',
  'lose-answer-network': 'Apply, then drop the connection',
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
  return (
    <fieldset className="field">
      <legend>Counted faults</legend>
      <label className="field">
        Calls matching (method and path)
        <input
          value={matching}
          placeholder="POST /hybrid/api/v1/applications"
          onChange={(e) => setMatching(e.target.value)}
        />
      </label>
      <label className="field">
        What happens
        <select
          value={effect}
          onChange={(e) =>
            setEffect(FAULT_EFFECTS.find((f) => f === e.target.value) ?? 'lose-answer-502')
          }
        >
          {FAULT_EFFECTS.map((f) => (
            <option key={f} value={f}>
              {EFFECT_LABEL[f]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Times
        <input
          type="number"
          min={1}
          max={1000}
          value={times}
          onChange={(e) => setTimes(Number(e.target.value))}
        />
      </label>
      <Button
        size="small"
        disabled={matching.trim() === ''}
        onClick={() => {
          demo.setFaults({ rules: [...faults.rules, { matching, effect, times }] })
          setMatching('')
        }}
      >
        Add fault
      </Button>
      {faults.rules.length > 0 && (
        <ul aria-label="Counted faults in force">
          {faults.rules.map((rule, i) => (
            <li key={i}>
              {EFFECT_LABEL[rule.effect]} · next {rule.times} × <code>{rule.matching}</code>{' '}
              <Button
                size="small"
                onClick={() => demo.setFaults({ rules: faults.rules.filter((_, j) => j !== i) })}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
