// One step of a guided session as a large card, read top to bottom: what,
// where, which edge and direction, the pressure target and the instruction
// first, then either a countdown ring (timed steps) or a big tap target
// counting strokes; done / skip / stop in a bar held at the bottom of the
// screen. The strokes counted and the time run are reported through
// `onProgress` (and taken back through `initial`), so a card left for the stop
// questions, or a page reloaded, comes back where it was.
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

/** The step's pressure range in words: "3 to 4 out of 10", or that it uses none. */
export function pressureText(step: PlannedStep): string {
  if (!step.pressure) return 'No pressure: movement only';
  const [lo, hi] = step.pressure;
  return lo === hi ? `${lo} out of 10` : `${lo} to ${hi} out of 10`;
}

/** The step's dose in words: "40 seconds", "12 strokes on each side" (per side of a both-sides step). */
export function doseText(step: PlannedStep, perSide = 'on each side'): string {
  const n = Math.max(1, step.target);
  return `${n} ${step.unit === 'seconds' ? 'seconds' : 'strokes'}${step.per_side && step.side === 'both' ? ' ' + perSide : ''}`;
}

/** How far a card got before it was left: strokes counted, milliseconds of countdown run (paused). */
export interface StepProgress {
  count: number;
  elapsedMs: number;
}

export const NO_PROGRESS: StepProgress = { count: 0, elapsedMs: 0 };

export function StepCard({
  card,
  initial = NO_PROGRESS,
  onProgress,
  onDone,
  onSkip,
  onStop,
}: {
  card: Card;
  initial?: StepProgress;
  /** Called when the count changes, each second of a countdown, and on pause. */
  onProgress?: (p: StepProgress) => void;
  onDone: (amount: number, pressure: number | null) => void;
  onSkip: () => void;
  onStop: (amountSoFar: number, progress: StepProgress) => void;
}) {
  const { step } = card;
  const target = Math.max(1, step.target);
  const timed = step.unit === 'seconds';
  const [count, setCount] = useState(() => Math.min(Math.max(0, initial.count), 3600));
  const [elapsedMs, setElapsedMs] = useState(() => Math.min(Math.max(0, initial.elapsedMs), target * 1000));
  const [running, setRunning] = useState(false);
  const done = timed ? elapsedMs >= target * 1000 : count >= target;
  // A card that comes back already complete does not cue again.
  const [cued, setCued] = useState(done);
  const [pressure, setPressure] = useState<number | null>(null);
  const started = useRef<number>(0);
  const base = useRef<number>(elapsedMs);

  const elapsedNow = () => Math.min(running ? base.current + (Date.now() - started.current) : elapsedMs, target * 1000);
  const reportedSecond = Math.floor(elapsedMs / 1000);
  useEffect(() => {
    onProgress?.({ count, elapsedMs: running ? reportedSecond * 1000 : elapsedMs });
  }, [count, reportedSecond, running]);

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
          <dd>{doseText(step, 'on this side')}</dd>
        </div>
      </dl>
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

      {/* Read, then start: what to do comes first; the control and Done/Stop stay docked at the
          bottom of the screen, within thumb reach, however long the instruction is. */}
      <div class="session-dock">
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
        <div class="session-bar">
          <button type="button" class="danger big stop-button" onClick={() => {
              // A running countdown pauses where it is, so going back resumes from there.
              const now = elapsedNow();
              base.current = now;
              setElapsedMs(now);
              setRunning(false);
              onProgress?.({ count, elapsedMs: now });
              onStop(timed ? Math.round(now / 1000) : count, { count, elapsedMs: now });
            }} data-testid="stop-button">
            Stop
          </button>
          <button type="button" class="skip-button" onClick={onSkip}>
            Skip
          </button>
          <button
            type="button"
            class={done ? 'primary big next-button' : 'big next-button'}
            onClick={() => {
              const now = elapsedNow();
              setRunning(false);
              onDone(timed ? Math.round(now / 1000) : count, pressure);
            }}
            data-testid="done-button"
          >
            {done ? 'Next' : 'Done'}
          </button>
        </div>
      </div>
    </article>
  );
}

