// The person's home programs (issue 10, point 3): every program a
// practitioner assigned them, newest first, with who assigned it and when,
// whether their plan follows it, what it asks, every version with what
// changed, a printable handout, and a way to stop following it (after a
// confirmation step; their own plan applies again). Reading them is the
// person's own and is not logged.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { assignedLine, ProgramDetails, ProgramHistory, ProgramStatus } from '../components/program';
import { ProgramHoldNotice } from '../components/program-hold';
import { loadNames } from '../names';
import { linkClick } from '../router';
import type { ProgramEntry } from '../types';
import { LoadError, Loading, longDate, Page, sentence, toApiError, useLoad } from '../util';

export function ProgramView() {
  const d = useLoad(async () => {
    const [list] = await Promise.all([api.ownPrograms(), loadNames()]);
    return list;
  });
  const [said, setSaid] = useState('');
  return (
    <Page title="Home program">
      <p>
        A home program is the plan a practitioner you share with set for you. While one is in force, your plan follows
        it; your own safety answers still apply.
      </p>
      <p role="status" class="ok">
        {said}
      </p>
      {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
      {d.loading && !d.data ? <Loading what="your home programs" /> : null}
      {d.data ? (
        d.data.programs.length === 0 ? (
          <p class="muted" data-testid="no-program">
            No practitioner has assigned you a home program: your plan is your own.
          </p>
        ) : (
          <>
          {d.data.programs.some((e) => e.in_force) ? <ProgramHoldNotice hold={d.data.hold} /> : null}
          {d.data.programs.map((e) => (
            <ProgramCard
              key={e.id}
              entry={e}
              awaitingSetup={d.data?.hold.awaiting_setup ?? false}
              onEnded={(day) => {
                setSaid(`You stopped following the program on ${longDate(day)}. Your plan is your own again.`);
                d.reload();
              }}
            />
          ))}
          </>
        )
      ) : null}
    </Page>
  );
}

function ProgramCard({
  entry,
  awaitingSetup,
  onEnded,
}: {
  entry: ProgramEntry;
  awaitingSetup: boolean;
  onEnded: (day: string) => void;
}) {
  const p = entry.current;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const confirmRef = useRef<HTMLDivElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const idp = `program-${entry.id}`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) stopRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const stop = async () => {
    setBusy(true);
    setError('');
    try {
      const ended = await api.endOwnProgram(entry.id);
      setConfirming(false);
      onEnded(ended.program.ended ?? '');
    } catch (e) {
      setError(sentence(toApiError(e).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="program-card" data-testid="program" aria-labelledby={`${idp}-title`}>
      <h2 id={`${idp}-title`}>
        Home program {entry.id} from {p.practitioner}, {p.clinic}
      </h2>
      <p>{assignedLine(entry)}{p.version > 1 ? ` (version ${p.version})` : ''}.</p>
      <ProgramStatus entry={entry} awaitingSetup={awaitingSetup} />
      <ProgramDetails program={p} level={3} alsoWorks={entry.also_works} />
      <ProgramHistory entry={entry} />
      <div class="actions">
        <a href={`/program/${entry.id}/print`} onClick={linkClick} class="button-link">
          Printable handout
        </a>
        {!p.ended && entry.in_force && !confirming ? (
          <button type="button" ref={stopRef} onClick={() => setConfirming(true)} aria-describedby={`${idp}-title`}>
            Stop following this program
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div class="notice warn confirm" ref={confirmRef} tabIndex={-1} role="group" aria-labelledby={`${idp}-confirm`}>
          <p id={`${idp}-confirm`}>
            <strong>Stop following {p.practitioner}'s program?</strong> Your plan goes back to your own from now on, and
            {' '}{p.practitioner} sees that you ended it. It cannot be started again: {p.practitioner} would assign a new one.
          </p>
          <div class="actions">
            <button type="button" class="danger" disabled={busy} onClick={() => void stop()}>
              {busy ? 'Stopping…' : 'Yes, stop following it'}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Keep following it
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </article>
  );
}
