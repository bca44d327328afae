// The printable handout of a home program (issue 10, point 3): the step cards
// of GET …/programs/{id}/cards laid out for paper, shared by the person
// (/program/{id}/print) and the practitioner (/clients/{cid}/programs/{pid}/print).
// Who assigned it, the dates, weekdays and review; each distinct session once
// with its steps in order (technique, area, pressure /10, dose, cues with the
// practitioner's, cautions, stop signs by name); which session goes on which
// weekday; a safety box with the spacing rules and any pressure cap a reaction
// lowered (the person's own handout only). The print
// style sheet (app.css, @media print) hides the navigation and the buttons.
import { loadNames, useNames } from '../names';
import { linkClick } from '../router';
import type { PlannedSession, PlannedStep, ProgramCards } from '../types';
import { LoadError, Loading, longDate, Page, sideWord, useLoad } from '../util';
import { doseText } from '../views/step-card';
import { programEnd, weekdaysText } from './program';

/** Each session of the cards once, in the order they first come (same protocol and area = same session). */
export function distinctSessions(cards: ProgramCards['cards']): PlannedSession[] {
  const seen = new Map<string, PlannedSession>();
  for (const day of cards.days)
    for (const s of day.sessions) {
      const key = `${s.protocol}|${s.target_region}|${s.side}`;
      if (!seen.has(key)) seen.set(key, s);
    }
  return [...seen.values()];
}

function pressureRange(step: PlannedStep): string {
  if (!step.pressure) return 'none: movement only';
  const [lo, hi] = step.pressure;
  return lo === hi ? `${lo}/10` : `${lo} to ${hi}/10`;
}

function HandoutStep({ step }: { step: PlannedStep }) {
  const names = useNames();
  return (
    <li class="handout-step" data-testid="handout-step">
      <h3>{step.technique_name}</h3>
      <dl class="step-facts">
        <div>
          <dt>Where</dt>
          <dd>
            {step.region_name}, {sideWord(step.side)}
          </dd>
        </div>
        {step.edge_name ? (
          <div>
            <dt>Edge</dt>
            <dd>{step.edge_name}</dd>
          </div>
        ) : null}
        <div>
          <dt>Pressure</dt>
          <dd>{pressureRange(step)}</dd>
        </div>
        <div>
          <dt>Dose</dt>
          <dd>{doseText(step)}</dd>
        </div>
      </dl>
      {step.instruction ? <p>{step.instruction}</p> : null}
      {step.cues.length ? (
        <ul class="cues">
          {step.cues.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : null}
      {step.cautions.length ? (
        <>
          <p class="handout-label">Take care</p>
          <ul class="cautions">
            {step.cautions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
      {step.stop_signs.length ? (
        <p class="small">
          <strong>Stop if:</strong> {step.stop_signs.map((s) => names.of('stop-signs', s)).join('; ')}.
        </p>
      ) : null}
    </li>
  );
}

/**
 * The handout page. `load` fetches the program's cards; `back` is where the
 * "Back" link leads (the person's Program page, or the client's page).
 */
export function ProgramHandout({ load, back, backName }: { load: () => Promise<ProgramCards>; back: string; backName: string }) {
  const d = useLoad(async () => {
    const [cards] = await Promise.all([load(), loadNames()]);
    return cards;
  });
  const names = useNames();
  const program = d.data?.program;
  const sessions = d.data ? distinctSessions(d.data.cards) : [];
  const signs = [...new Set(sessions.flatMap((s) => s.steps.flatMap((st) => st.stop_signs)))];
  return (
    <Page title={program ? `Home program from ${program.practitioner}` : 'Home program handout'} wide>
      <div class="no-print actions">
        <a href={back} onClick={linkClick} class="back-link-inline">
          Back to {backName}
        </a>
        {program ? (
          <button type="button" class="primary" onClick={() => window.print()}>
            Print
          </button>
        ) : null}
      </div>
      {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
      {d.loading && !d.data ? <Loading what="the handout" /> : null}
      {program && d.data ? (
        <article class="handout" data-testid="handout">
          <p>
            {d.data.for ? (
              <>
                For <strong data-testid="handout-for">{d.data.for}</strong>.{' '}
              </>
            ) : null}
            Assigned by <strong>{program.practitioner}</strong>, {program.clinic}, on {longDate(program.assigned)}
            {program.version > 1 ? ` (version ${program.version})` : ''}.
          </p>
          <dl class="program-facts">
            <div>
              <dt>From</dt>
              <dd>
                {longDate(program.start)} to {longDate(programEnd(program))} ({program.weeks} weeks)
              </dd>
            </div>
            <div>
              <dt>Days</dt>
              <dd>{weekdaysText(program.weekdays)}</dd>
            </div>
            <div>
              <dt>Review</dt>
              <dd>{longDate(program.review)}</dd>
            </div>
          </dl>
          {d.data.safety.week.length ? (
            <>
              <h2 class="handout-label">Each week</h2>
              <ul class="handout-week" data-testid="handout-week">
                {d.data.safety.week.map((day) => (
                  <li key={day.weekday}>
                    <strong>{day.weekday}:</strong> {day.sessions.join(', ')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {program.ended ? (
            <p class="notice warn">
              This program ended on {longDate(program.ended)} ({program.ended_by}).
            </p>
          ) : null}
          {program.note ? (
            <p>
              <strong>Note from {program.practitioner}:</strong> {program.note}
            </p>
          ) : null}
          {program.clinic_only.length ? (
            <p>
              <strong>Not at home</strong>, kept for the clinic:{' '}
              {program.clinic_only.map((a) => `${names.of('regions', a.region)} (${sideWord(a.side)})`).join(', ')}.
            </p>
          ) : null}
          {d.data.cards.notes.some((n) => n.rule === 'handout-every-tool') ? (
            <p class="notice" data-testid="handout-every-tool">
              <strong>Made for every tool:</strong> no list of the tools at home is saved in fascia yet, so a step's edge
              may differ from the one the home kit offers. Print it again after setting up.
            </p>
          ) : null}
          <section class="handout-safety" aria-labelledby="handout-safety-title">
            <h2 id="handout-safety-title">Safety</h2>
            <p>
              <strong>Stop at once</strong>
              {signs.length ? ` if you notice: ${signs.map((s) => names.of('stop-signs', s)).join('; ')}` : ' if anything feels wrong'}
              . Then contact {program.practitioner} at {program.clinic} before going on.
            </p>
            {d.data.safety.spacing.length || d.data.safety.lowered.length ? (
              <ul class="handout-spacing" data-testid="handout-spacing">
                {[...d.data.safety.spacing, ...d.data.safety.lowered].map((r) => (
                  <li key={r.rule + r.text} data-rule={r.rule}>
                    {r.text}
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              Your own safety answers still apply: in fascia your plan leaves out or softens any step they call for, even
              if this sheet shows it.
            </p>
          </section>
          {sessions.length === 0 ? (
            <p class="muted">There are no sessions on these cards.</p>
          ) : (
            sessions.map((s, i) => (
              <section key={i} class="handout-session" aria-labelledby={`handout-session-${i}`}>
                <h2 id={`handout-session-${i}`}>
                  {s.protocol_name}
                  {s.target_region ? `: ${names.of('regions', s.target_region)} (${sideWord(s.side)})` : ''}
                </h2>
                <ol class="handout-steps">
                  {s.steps.map((st) => (
                    <HandoutStep key={st.index} step={st} />
                  ))}
                </ol>
              </section>
            ))
          )}
        </article>
      ) : null}
    </Page>
  );
}
