// The guided session, made for one hand on a phone: one large card per step
// (per-side steps twice, left then right, the second with a switch-sides cue),
// a countdown ring for timed steps, a big tap target for strokes, a beep and a
// vibration at the end of each step, and a stop button that asks which
// warning sign and says what to do. At the end: soreness, then the log is
// posted as a SessionRun (docs/API.md).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hasProgress, type SavedProgress, sessionProgressStore } from '../session-progress';
import { api } from '../api';
import { useApp } from '../app-context';
import { unlockAudio } from '../components/cues';
import { BlockedNotice, GroupedReasons, Reasons } from '../components/reasons';
import { Findings } from '../components/findings';
import { FinderLink } from '../components/finder-link';
import { linkClick, navigate } from '../router';
import type {
  PlannedSession,
  SessionEvent,
  SessionResult,
  StopOutcome,
  StopSign,
  TodayView,
} from '../types';
import {
  errorsFrom,
  isAlarm,
  LoadError,
  Loading,
  longDate,
  OtherErrors,
  Page,
  range,
  toApiError,
  useLoad,
  type FieldErrors,
} from '../util';
import { AlarmScreen } from './alarm';
import { NO_PROGRESS, StepCard, type Card, type StepProgress } from './step-card';


/** The cards the server's session runner expects, in its order (core/session_runner.cpp). */
export function stepCards(s: PlannedSession): Card[] {
  const cards: Card[] = [];
  for (const step of s.steps) {
    if (step.per_side && step.side === 'both') {
      cards.push({ step, side: 'left', switchSides: false });
      cards.push({ step, side: 'right', switchSides: true });
    } else cards.push({ step, side: step.side, switchSides: false });
  }
  return cards;
}

interface Data {
  today: TodayView;
  stopSigns: StopSign[];
}

export function SessionView({ protocol }: { protocol: string }) {
  const d = useLoad(async (): Promise<Data> => {
    const [today, stopSigns] = await Promise.all([api.today(), api.stopSigns()]);
    return { today, stopSigns };
  });
  if (d.error)
    return (
      <Page title="Session">
        <LoadError error={d.error} retry={d.reload} />
      </Page>
    );
  if (!d.data)
    return (
      <Page title="Session">
        <Loading what="the session" />
      </Page>
    );
  const { today, stopSigns } = d.data;
  if (today.blocked)
    return (
      <Page title="Session">
        <BlockedNotice reasons={today.blocked_by} />
      </Page>
    );
  const session = today.due.find((s) => s.protocol === protocol) ?? (protocol ? undefined : today.due[0]);
  if (!session)
    return (
      <Page title="Session">
        <p>This session is not due today.</p>
        {today.due_after_checkin.length ? (
          <p data-testid="session-after-checkin">
            <strong>Check in first.</strong> Once you log a check-in after your last instrument work, with redness and
            soreness settled, today's session can be done.{' '}
            <a href="/check-in" onClick={linkClick}>
              Check in now
            </a>
          </p>
        ) : today.next ? (
          <p>The next session is on {longDate(today.next)}.</p>
        ) : null}
        <GroupedReasons groups={today.why_not_today} />
        <p>
          <a href="/plan" onClick={linkClick}>
            Back to the plan
          </a>
        </p>
      </Page>
    );
  return <Runner session={session} stopSigns={stopSigns} date={today.date} />;
}

type Phase = 'intro' | 'step' | 'stopping' | 'advice' | 'soreness' | 'result';

function Runner({ session, stopSigns, date }: { session: PlannedSession; stopSigns: StopSign[]; date: string }) {
  const app = useApp();
  const cards = useMemo(() => stepCards(session), [session]);
  const kept = useMemo(
    () => sessionProgressStore(app.me.person_id, date, session.protocol, cards.length),
    [app.me.person_id, date, session.protocol, cards.length],
  );
  const [earlier] = useState(() => kept.load());
  const [phase, setPhase] = useState<Phase>('intro');
  const [pos, setPos] = useState(0);
  const [events, setEvents] = useState<SessionEvent[]>([]);
  // How far the current card got: kept while the stop questions are open and in local storage.
  const partial = useRef<StepProgress>(NO_PROGRESS);
  const [advice, setAdvice] = useState<StopOutcome | null>(null);
  const [stopAmount, setStopAmount] = useState(0);
  const [stopSignsChosen, setStopSignsChosen] = useState<string[]>([]);
  const [result, setResult] = useState<SessionResult | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  // The last save was refused for good (409: not due any more, e.g. saved
  // from another window), not by a passing fault: trying again cannot help.
  const [refusedForGood, setRefusedForGood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [soreness, setSoreness] = useState<number | null>(null);
  const wake = useRef<{ release: () => Promise<void> } | null>(null);

  useEffect(() => {
    document.title = session.protocol_name + ' · fascia';
    return () => {
      void wake.current?.release().catch(() => {});
    };
  }, [session.protocol_name]);

  const begin = () => {
    unlockAudio();
    const nav = navigator as Navigator & { wakeLock?: { request: (t: 'screen') => Promise<{ release: () => Promise<void> }> } };
    nav.wakeLock
      ?.request('screen')
      .then((w) => (wake.current = w))
      .catch(() => {});
    setPhase('step');
  };

  const resume = (saved: SavedProgress) => {
    setEvents(saved.events);
    if (saved.finished) setPhase('soreness');
    else {
      partial.current = saved.current ?? NO_PROGRESS;
      setPos(saved.events.length);
      begin();
    }
  };

  const keepPartial = (p: StepProgress) => {
    partial.current = p;
    const progress = { events, finished: false, current: p };
    if (hasProgress(progress)) kept.save(progress);
  };

  const advance = (ev: SessionEvent) => {
    const next = [...events, ev];
    setEvents(next);
    partial.current = NO_PROGRESS;
    kept.save({ events: next, finished: pos + 1 >= cards.length });
    if (pos + 1 >= cards.length) setPhase('soreness');
    else {
      setPos(pos + 1);
      setPhase('step');
    }
    requestAnimationFrame(() => document.getElementById('card-title')?.focus());
  };

  const post = async (evs: SessionEvent[], sore: number | null) => {
    setBusy(true);
    setErrors({});
    try {
      const res = await api.runSession({
        protocol: session.protocol,
        events: evs,
        ...(sore === null ? {} : { soreness: sore }),
      });
      kept.clear();
      setResult(res);
      setPhase('result');
      if (res.clearance) {
        app.setClearance(res.clearance);
        void app.refresh();
      }
    } catch (e) {
      setErrors(errorsFrom(e));
      setRefusedForGood(toApiError(e).status === 409);
    } finally {
      setBusy(false);
    }
  };

  const askAdvice = async () => {
    setBusy(true);
    setErrors({});
    try {
      setAdvice(await api.stopAdvice(stopSignsChosen));
      setPhase('advice');
    } catch (e) {
      setErrors(errorsFrom(e));
    } finally {
      setBusy(false);
    }
  };

  if (phase === 'result' && result) {
    if (result.clearance && isAlarm(result.clearance.level)) return <AlarmScreen clearance={result.clearance} />;
    return <ResultView result={result} planned={cards.length} />;
  }

  const card = cards[pos];
  const header = (
    <header class="session-head">
      <p class="session-name">{session.protocol_name}</p>
      {phase === 'step' || phase === 'stopping' || phase === 'advice' ? (
        <p class="session-pos" aria-live="polite">
          Step {pos + 1} of {cards.length}
        </p>
      ) : null}
      <progress max={cards.length} value={events.length} aria-label="Steps finished" />
    </header>
  );

  if (phase === 'intro')
    return (
      <section class="session page" aria-labelledby="page-title">
        {header}
        <h1 id="page-title" tabIndex={-1}>
          Before you start
        </h1>
        <ul>
          <li>Work on bare skin or thin clothing; if the step says so, use a little lotion or oil first.</li>
          <li>Pressure should feel like firm, bearable discomfort. Never sharp.</li>
          <li>
            Press the red <strong>Stop</strong> button at any time if something feels wrong: numbness, tingling,
            dizziness, sharp or spreading pain.
          </li>
        </ul>
        <p>{cards.length} step cards. The phone beeps and vibrates at the end of each step.</p>
        {earlier ? (
          <div class="notice" data-testid="resume">
            <p>
              {earlier.finished
                ? 'You finished the steps of this session earlier today, but it was not saved yet.'
                : earlier.events.length === 0
                  ? 'You started this session earlier today.'
                  : `You got through ${earlier.events.length} of ${cards.length} steps of this session earlier today.`}
            </p>
            <div class="actions">
              <button type="button" class="primary big" onClick={() => resume(earlier)}>
                {earlier.finished ? 'Go on to save it' : `Continue at step ${earlier.events.length + 1}`}
              </button>
              <button
                type="button"
                onClick={() => {
                  kept.clear();
                  partial.current = NO_PROGRESS;
                  begin();
                }}
              >
                Start again from step 1
              </button>
            </div>
          </div>
        ) : null}
        <div class="actions">
          {earlier ? null : (
            <button type="button" class="primary big" onClick={begin}>
              Start
            </button>
          )}
          <a href="/" onClick={linkClick}>
            Not now
          </a>
        </div>
      </section>
    );

  if (phase === 'soreness')
    return (
      <section class="session page" aria-labelledby="page-title">
        {header}
        <h1 id="page-title" tabIndex={-1}>
          {events.length < cards.length ? 'Session stopped' : 'Session finished'}
        </h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void post(events, soreness);
          }}
        >
          <fieldset class="scale">
            <legend>How sore do the worked areas feel now? (0 = not at all, 10 = worst imaginable)</legend>
            <p class="muted small">
              Kept as soreness at the end of the session. It is not the check-in: that comes a day or more later.
            </p>
            <div class="scale-row">
              {range(0, 10).map((n) => (
                <label key={n} class="scale-choice">
                  <input
                    type="radio"
                    name="soreness"
                    value={String(n)}
                    checked={soreness === n}
                    onChange={() => setSoreness(n)}
                  />
                  <span>{n}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <OtherErrors errors={errors} shown={[]} />
          {Object.keys(errors).length && refusedForGood ? (
            <div class="notice" data-testid="kept-note">
              <p>
                Trying again will not help. If you saved this session in another window or on another device, it is
                already in your journal (see Journal). These steps stay in this browser until you discard them.
              </p>
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  kept.clear();
                  navigate('/journal');
                }}
              >
                Discard these steps
              </button>
            </div>
          ) : Object.keys(errors).length ? (
            <p class="muted" data-testid="kept-note">
              Nothing is lost: the steps stay in this browser until the session is saved. Try again in a moment.
            </p>
          ) : null}
          <div class="actions">
            <button type="submit" class="primary big" disabled={busy || soreness === null}>
              {busy ? 'Saving…' : 'Save the session'}
            </button>
            <button type="button" disabled={busy} onClick={() => void post(events, null)}>
              Save without soreness
            </button>
          </div>
        </form>
      </section>
    );

  if (phase === 'stopping') {
    const watched = new Set(card.step.stop_signs);
    const ordered = [...stopSigns].sort((a, b) => Number(watched.has(b.id)) - Number(watched.has(a.id)));
    return (
      <section class="session page" aria-labelledby="page-title">
        {header}
        <h1 id="page-title" tabIndex={-1}>
          What made you stop?
        </h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (stopSignsChosen.length) void askAdvice();
          }}
        >
          <fieldset>
            <legend>Tick everything you noticed.</legend>
            <div class="checks">
              {ordered.map((s) => (
                <label key={s.id} class="check">
                  <input
                    type="checkbox"
                    name="stop-sign"
                    value={s.id}
                    checked={stopSignsChosen.includes(s.id)}
                    onChange={() =>
                      setStopSignsChosen(
                        stopSignsChosen.includes(s.id)
                          ? stopSignsChosen.filter((x) => x !== s.id)
                          : [...stopSignsChosen, s.id],
                      )
                    }
                  />
                  <span>
                    {s.name}
                    {watched.has(s.id) ? <span class="muted small"> (watch for this in this step)</span> : null}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <OtherErrors errors={errors} shown={[]} />
          {/* Docked at the bottom: going back or on is always in reach, however long the list. */}
          <div class="actions stop-actions">
            <button type="submit" class="danger big" disabled={busy || stopSignsChosen.length === 0}>
              {busy ? 'Checking…' : 'Tell me what to do'}
            </button>
            <button type="button" onClick={() => advance({ kind: 'skip', reason: 'stopped without a warning sign' })}>
              None of these: skip this step
            </button>
            <button type="button" onClick={() => setPhase('step')}>
              None of these: go back to the step
            </button>
          </div>
        </form>
      </section>
    );
  }

  if (phase === 'advice' && advice) {
    const ev: SessionEvent = { kind: 'stop', signs: stopSignsChosen, amount: stopAmount };
    const emergency = advice.action === 'emergency';
    const title = emergency ? 'Get help now' : advice.action === 'stop-session' ? 'Stop the session' : 'Stop this step';
    return (
      <section
        class={`session page advice advice-${advice.action}`}
        aria-labelledby="page-title"
        role={emergency ? 'alertdialog' : undefined}
      >
        {header}
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {emergency ? (
          <p class="alarm-what">
            Call your local emergency number now (112 in Europe, 911 in North America, 999 in the UK), or have someone
            take you to an emergency department.
          </p>
        ) : null}
        <Reasons reasons={advice.advice} />
        {/* In another tab: following it here would leave the session unsaved. */}
        <FinderLink need={advice.finder_need} newTab />
        {advice.rescreen.length ? (
          <p class="muted">Your safety answers will be updated when the session is saved.</p>
        ) : null}
        <OtherErrors errors={errors} shown={[]} />
        <div class="actions">
          {advice.session_over ? (
            <button
              type="button"
              class="primary big"
              disabled={busy}
              onClick={() => {
                const evs = [...events, ev];
                setEvents(evs);
                kept.save({ events: evs, finished: true });
                if (emergency) void post(evs, null);
                else setPhase('soreness');
              }}
            >
              {emergency ? (busy ? 'Saving…' : 'Save what happened') : 'End the session'}
            </button>
          ) : (
            <button
              type="button"
              class="primary big"
              onClick={() => {
                setStopSignsChosen([]);
                advance(ev);
              }}
            >
              {pos + 1 < cards.length ? 'Go on to the next step' : 'Finish the session'}
            </button>
          )}
        </div>
      </section>
    );
  }

  return (
    <section class="session page" aria-labelledby="card-title">
      {header}
      <StepCard
        key={pos}
        card={card}
        onDone={(amount, pressure) =>
          advance({ kind: 'done', amount, ...(pressure === null ? {} : { pressure }) })
        }
        onSkip={() => advance({ kind: 'skip', reason: 'skipped' })}
        initial={partial.current}
        onProgress={keepPartial}
        onStop={(amount, progress) => {
          partial.current = progress;
          setStopAmount(amount);
          setStopSignsChosen([]);
          setPhase('stopping');
        }}
      />
    </section>
  );
}

// `planned`: the session's step cards, all of them (a stopped session's
// record holds only those reached).
function ResultView({ result, planned }: { result: SessionResult; planned: number }) {
  useEffect(() => {
    document.getElementById('page-title')?.focus();
  }, []);
  const s = result.session;
  const done = s.steps.filter((x) => x.status === 'done').length;
  return (
    <Page title={s.stopped ? 'Session saved (stopped early)' : 'Session saved'}>
      <p data-testid="session-saved" data-session-id={String(s.id)}>
        {done} of {Math.max(planned, s.steps.length)} step cards done. Saved to your journal.
      </p>
      {result.warnings.length ? (
        <section class="notice">
          <h2>Take note</h2>
          <Reasons reasons={result.warnings} />
        </section>
      ) : null}
      {result.stops.length ? (
        <section class="notice warn">
          <h2>Warning signs during the session</h2>
          {result.stops.map((st, i) => (
            <div key={i}>
              <Reasons reasons={st.advice} />
              <FinderLink need={result.stops.findIndex((o) => o.finder_need === st.finder_need) === i ? st.finder_need : null} />
            </div>
          ))}
        </section>
      ) : null}
      {result.clearance ? (
        <section class="notice warn">
          <h2>Your safety check changed</h2>
          <p>What you noticed updated your safety answers.</p>
          <Findings findings={result.clearance.findings} linked={result.stops.map((st) => st.finder_need)} />
        </section>
      ) : null}
      <p>
        The next session on these areas waits for one check-in on redness and soreness, a day or more from now.{' '}
        <a href={`/check-in?session=${s.id}`} onClick={linkClick} data-testid="checkin-link">
          Check in for this session
        </a>{' '}
        covers every area at once and says from which day it counts.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => navigate('/journal')}>
          Open the journal
        </button>
        <button type="button" onClick={() => navigate('/')}>
          Back to today
        </button>
      </div>
    </Page>
  );
}
