// One step of a guided session as a large card: what, where, which edge and
// direction, the pressure target, and either a countdown ring (timed steps)
// or a big tap target counting strokes; done / skip / stop below it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { endOfStepCue, unlockAudio } from '../components/cues';
import { Reasons } from '../components/reasons';
import type { PlannedStep, Side } from '../types';
import { range, sideWord } from '../util';

export interface Card {
  step: PlannedStep;
  side: Side;
  switchSides: boolean;
}

function pressureText(step: PlannedStep): string {
  if (!step.pressure) return 'No pressure: movement only';
  const [lo, hi] = step.pressure;
  return lo === hi ? `${lo} out of 10` : `${lo} to ${hi} out of 10`;
}

export function StepCard({
  card,
  onDone,
  onSkip,
  onStop,
}: {
  card: Card;
  onDone: (amount: number, pressure: number | null) => void;
  onSkip: () => void;
  onStop: (amountSoFar: number) => void;
}) {
  const { step } = card;
  const target = Math.max(1, step.target);
  const [count, setCount] = useState(0);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [running, setRunning] = useState(false);
  const [cued, setCued] = useState(false);
  const [pressure, setPressure] = useState<number | null>(null);
  const started = useRef<number>(0);
  const base = useRef<number>(0);

  const timed = step.unit === 'seconds';
  const done = timed ? elapsedMs >= target * 1000 : count >= target;

  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => {
      const e = base.current + (Date.now() - started.current);
      setElapsedMs(Math.min(e, target * 1000));
      if (e >= target * 1000) setRunning(false);
    }, 100);
    return () => clearInterval(id);
  }, [running, target]);

  useEffect(() => {
    if (done && !cued) {
      setCued(true);
      endOfStepCue();
    }
  }, [done, cued]);

  const toggleTimer = () => {
    unlockAudio();
    if (running) {
      base.current += Date.now() - started.current;
      setElapsedMs(Math.min(base.current, target * 1000));
      setRunning(false);
    } else if (!done) {
      started.current = Date.now();
      setRunning(true);
    }
  };

  const amount = timed ? Math.round(elapsedMs / 1000) : count;
  const remaining = Math.max(0, Math.ceil(target - elapsedMs / 1000));
  const R = 54;
  const C = 2 * Math.PI * R;
  const fraction = timed ? Math.min(1, elapsedMs / (target * 1000)) : Math.min(1, count / target);

  return (
    <article class={`step-card${card.switchSides ? ' switch' : ''}`} data-unit={step.unit}>
      {card.switchSides ? (
        <p class="switch-cue" role="status">
          Switch sides: now do the same on your <strong>{card.side}</strong> side.
        </p>
      ) : null}
      <h1 id="card-title" tabIndex={-1}>
        {step.technique_name}
      </h1>
      <dl class="step-facts">
        <div>
          <dt>Where</dt>
          <dd>
            {step.region_name}, {sideWord(card.side)}
          </dd>
        </div>
        <div>
          <dt>Edge</dt>
          <dd>{step.edge_name || 'Your hands, no tool'}</dd>
        </div>
        {step.direction ? (
          <div>
            <dt>Direction</dt>
            <dd>{step.direction}</dd>
          </div>
        ) : null}
        <div>
          <dt>Pressure</dt>
          <dd>{pressureText(step)}</dd>
        </div>
        <div>
          <dt>Dose</dt>
          <dd>
            {target} {timed ? 'seconds' : 'strokes'}
            {step.per_side && step.side === 'both' ? ' on this side' : ''}
          </dd>
        </div>
      </dl>
      {timed ? (
        <div class="timer">
          <svg class="ring" viewBox="0 0 120 120" role="img" aria-label={`${remaining} seconds left`}>
            <circle class="ring-bg" cx="60" cy="60" r={R} />
            <circle
              class="ring-fg"
              cx="60"
              cy="60"
              r={R}
              stroke-dasharray={String(C)}
              stroke-dashoffset={String(C * (1 - fraction))}
              transform="rotate(-90 60 60)"
            />
            <text x="60" y="68" text-anchor="middle" class="ring-text">
              {remaining}
            </text>
          </svg>
          <p class="timer-status" aria-live="polite" data-testid="timer-status">
            {done ? 'Time is up.' : running ? 'Counting down…' : elapsedMs > 0 ? 'Paused.' : 'Ready.'}
          </p>
          <button type="button" class="tap big" onClick={toggleTimer} disabled={done} data-testid="timer-button">
            {running ? 'Pause' : elapsedMs > 0 ? 'Resume' : `Start ${target} s`}
          </button>
        </div>
      ) : (
        <div class="counter">
          <button
            type="button"
            class="tap huge"
            data-testid="stroke-button"
            onClick={() => {
              unlockAudio();
              setCount((c) => Math.min(c + 1, 3600));
            }}
            aria-describedby="stroke-status"
          >
            <span class="tap-count">{count}</span>
            <span class="tap-of">of {target} strokes</span>
            <span class="tap-hint">Tap for each stroke</span>
          </button>
          <p id="stroke-status" class="timer-status" aria-live="polite" data-testid="stroke-status">
            {done ? 'Target reached.' : `${count} of ${target}`}
          </p>
          <button type="button" class="link-button" onClick={() => setCount((c) => Math.max(0, c - 1))} disabled={count === 0}>
            Undo one stroke
          </button>
        </div>
      )}

      {step.instruction ? <p class="instruction">{step.instruction}</p> : null}
      {step.cues.length ? (
        <ul class="cues">
          {step.cues.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : null}
      {step.cautions.length ? (
        <ul class="cautions" aria-label="Take care">
          {step.cautions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : null}
      {step.adaptations.length ? (
        <details>
          <summary>Changed for you</summary>
          <Reasons reasons={step.adaptations} />
        </details>
      ) : null}

      {step.pressure ? (
        <div class="field">
          <label for="pressure-used">Pressure you used, out of 10 (optional)</label>
          <select
            id="pressure-used"
            value={pressure === null ? '' : String(pressure)}
            onChange={(e) => setPressure(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          >
            <option value="">Not noted</option>
            {range(0, 10).map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <div class="session-bar">
        <button type="button" class="danger big stop-button" onClick={() => onStop(amount)} data-testid="stop-button">
          Stop
        </button>
        <button type="button" class="skip-button" onClick={onSkip}>
          Skip
        </button>
        <button
          type="button"
          class={done ? 'primary big next-button' : 'big next-button'}
          onClick={() => {
            const now = running ? base.current + (Date.now() - started.current) : elapsedMs;
            setRunning(false);
            onDone(timed ? Math.round(Math.min(now, target * 1000) / 1000) : count, pressure);
          }}
          data-testid="done-button"
        >
          {done ? 'Next' : 'Done'}
        </button>
      </div>
    </article>
  );
}

