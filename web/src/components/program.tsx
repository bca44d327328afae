// Home programs (issue 10, point 3; docs/adr/0018-home-programs-as-versions.md),
// shown the same way to the person (views/program.tsx) and to the
// practitioner (components/client-programs.tsx): who assigned a version and
// when, whether the plan follows it, its dates and weekdays, each protocol
// with its area, pressure ceiling, dose and cue, the areas kept for the
// clinic, the note, and every version with what it changed.
import { useNames } from '../names';
import type { HomeProgram, ProgramEntry, RegionSide } from '../types';
import { addDays, longDate, sideWord, weekdayNames } from '../util';

/** The last day of a program: `weeks` whole weeks from its start. */
export function programEnd(p: HomeProgram): string {
  return addDays(p.start, p.weeks * 7 - 1);
}

/** "Monday, Wednesday and Friday" for 0 = Monday .. 6 = Sunday. */
export function weekdaysText(days: number[]): string {
  const names = [...days].sort((a, b) => a - b).map((d) => weekdayNames[d] ?? String(d));
  if (names.length <= 1) return names.join('');
  return names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1];
}

/**
 * "Assigned by pat, North Physio on Monday, 23 November 2026", from the first
 * version (who assigned it and when); a changed program adds "; last changed
 * on …" from the latest version, rather than giving the change's day as the
 * day it was assigned.
 */
export function assignedLine(entry: ProgramEntry): string {
  const first = entry.versions[0] ?? entry.current;
  const p = entry.current;
  const line = `Assigned by ${first.practitioner}, ${first.clinic} on ${longDate(first.assigned)}`;
  return p.version > 1 && p.assigned !== first.assigned ? `${line}; last changed on ${longDate(p.assigned)}` : line;
}

/**
 * Whether the person's plan follows the program, or who ended it and when.
 * `awaitingSetup`: the person has no profile or safety answers yet (the
 * hold's awaiting_setup), so even the program in force is not followed yet.
 */
export function ProgramStatus({ entry, awaitingSetup = false }: { entry: ProgramEntry; awaitingSetup?: boolean }) {
  const p = entry.current;
  if (p.ended)
    return (
      <p class="program-status ended" data-testid="program-status">
        <strong>Ended</strong> on {longDate(p.ended)} by {p.ended_by}.
      </p>
    );
  if (entry.in_force && awaitingSetup)
    return (
      <p class="program-status" data-testid="program-status">
        <strong>Assigned, not followed yet:</strong> the plan follows this program once the profile and the safety
        questions are done.
      </p>
    );
  if (entry.in_force)
    return (
      <p class="program-status in-force" data-testid="program-status">
        <strong>In force:</strong> the plan follows this program.
      </p>
    );
  return (
    <p class="program-status" data-testid="program-status">
      <strong>Not in force:</strong> a newer program is followed instead.
    </p>
  );
}

function AreaText({ area }: { area: RegionSide }) {
  const names = useNames();
  return (
    <>
      {names.of('regions', area.region)} ({sideWord(area.side)})
    </>
  );
}

/**
 * One version's content: dates, weekdays, review, the items, the clinic-only
 * areas and the note. `alsoWorks`: per item, the other areas its protocol
 * works besides the target named (the API's `also_works`, for the current version).
 */
export function ProgramDetails({
  program: p,
  level,
  alsoWorks = [],
}: {
  program: HomeProgram;
  level: 3 | 4;
  alsoWorks?: string[][];
}) {
  const names = useNames();
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <div class="program-details">
      <dl class="program-facts">
        <div>
          <dt>From</dt>
          <dd>
            {longDate(p.start)} to {longDate(programEnd(p))} ({p.weeks} weeks)
          </dd>
        </div>
        <div>
          <dt>Days</dt>
          <dd>{weekdaysText(p.weekdays)}</dd>
        </div>
        <div>
          <dt>Review</dt>
          <dd>{longDate(p.review)}</dd>
        </div>
      </dl>
      <H>What to do at home</H>
      <ul class="program-items">
        {p.items.map((it, i) => (
          <li key={i} data-testid="program-item">
            <strong>{names.of('protocols', it.protocol)}</strong> on <AreaText area={it.target} />
            <ul class="small">
              <li>
                Pressure:{' '}
                {it.max_pressure === null ? "the protocol's own range" : `at most ${it.max_pressure}/10`}
              </li>
              {alsoWorks[i]?.length ? (
                <li data-testid="program-item-also">Also works: {alsoWorks[i].join(', ')}</li>
              ) : null}
              <li>Dose: {it.dose_percent} % of the protocol's strokes and seconds</li>
              {it.cue ? (
                <li>
                  {p.practitioner}'s cue: <q>{it.cue}</q>
                </li>
              ) : null}
            </ul>
          </li>
        ))}
      </ul>
      {p.clinic_only.length ? (
        <p>
          <strong>Kept for the clinic</strong> (no home work there):{' '}
          {p.clinic_only.map((a, i) => (
            <span key={i}>
              {i ? ', ' : ''}
              <AreaText area={a} />
            </span>
          ))}
          .
        </p>
      ) : null}
      {p.note ? (
        <p class="program-note">
          <strong>Note from {p.practitioner}:</strong> {p.note}
        </p>
      ) : null}
    </div>
  );
}

/** Every version, oldest first, with who made it, when, and what it changed. */
export function ProgramHistory({ entry }: { entry: ProgramEntry }) {
  return (
    <details class="program-history">
      <summary>
        History: {entry.versions.length} version{entry.versions.length === 1 ? '' : 's'}
      </summary>
      <ol>
        {entry.versions.map((v) => (
          <li key={v.version} data-testid="program-version">
            <p>
              <strong>Version {v.version}</strong>, by {v.practitioner} on {longDate(v.assigned)}
              {v.ended ? `; ended on ${longDate(v.ended)} by ${v.ended_by}` : ''}
            </p>
            {v.changes.length ? (
              <ul class="small">
                {v.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : (
              <p class="small muted">{v.version === 1 ? 'The first version.' : 'No change to what is done at home.'}</p>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
