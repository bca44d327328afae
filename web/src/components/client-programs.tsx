// A practitioner's home programs for one linked client (issue 10, point 3),
// shown on the client's page (views/clients.tsx): the clinic's programs for
// the client (read only when asked for, since each read is written in the
// client's access log), each with Change (a new version; the earlier ones
// are kept), End (after a confirmation step) and its printable handout; and
// the form that assigns one (program-form.tsx). The home rules (the 7/10
// home pressure cap, seed-000; a region's own cap; 4-6 weeks, seed-003; doses
// only lowered) are the server's: its refusal is shown in full next to the
// field it names.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { LinkGone } from './link-gone';
import { api } from '../api';
import { useApp } from '../app-context';
import { loadNames } from '../names';
import { linkClick } from '../router';
import type { ProgramEntry, ProgramHold } from '../types';
import { LoadError, Loading, sentence, toApiError, useLoad } from '../util';
import { assignedLine, ProgramDetails, ProgramHistory, ProgramStatus } from './program';
import { ProgramHoldNotice } from './program-hold';
import { type Kb, ProgramForm } from './program-form';

/** One program of the clinic's: its current version, history and actions. */
function ClientProgram({
  id,
  entry,
  kb,
  today,
  awaitingSetup,
  onSaved,
}: {
  id: number;
  entry: ProgramEntry;
  kb: Kb | undefined;
  today: string;
  awaitingSetup: boolean;
  onSaved: (message: string) => void;
}) {
  const p = entry.current;
  const [changing, setChanging] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const confirmRef = useRef<HTMLDivElement>(null);
  const idp = `client-program-${entry.id}`;
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const end = async () => {
    setBusy(true);
    setError('');
    try {
      await api.endProgram(id, entry.id);
      setConfirming(false);
      onSaved(`Home program ${entry.id} ended.`);
    } catch (e) {
      setError(sentence(toApiError(e).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="program-card" data-testid="client-program" aria-labelledby={`${idp}-title`}>
      <h3 id={`${idp}-title`}>
        Home program {entry.id}, version {p.version}
      </h3>
      <p class="small">{assignedLine(entry)}.</p>
      <ProgramStatus entry={entry} awaitingSetup={awaitingSetup} />
      {changing && kb ? (
        <ProgramForm
          kb={kb}
          today={today}
          program={p}
          onCancel={() => setChanging(false)}
          onSave={async (input) => {
            const saved = await api.changeProgram(id, entry.id, input);
            setChanging(false);
            onSaved(`Home program ${entry.id} changed: version ${saved.program.version}.`);
          }}
        />
      ) : (
        <>
          <ProgramDetails program={p} level={4} alsoWorks={entry.also_works} />
          <ProgramHistory entry={entry} />
          <div class="actions">
            {!p.ended ? (
              <>
                <button type="button" disabled={!kb} onClick={() => setChanging(true)} aria-describedby={`${idp}-title`}>
                  Change
                </button>
                <button type="button" onClick={() => setConfirming(true)} aria-describedby={`${idp}-title`}>
                  End
                </button>
              </>
            ) : null}
            <a href={`/clients/${id}/programs/${entry.id}/print`} onClick={linkClick} class="button-link">
              Printable handout
            </a>
          </div>
        </>
      )}
      {confirming ? (
        <div class="notice warn confirm" ref={confirmRef} tabIndex={-1} role="group" aria-labelledby={`${idp}-confirm`}>
          <p id={`${idp}-confirm`}>
            <strong>End this home program?</strong> The client's plan goes back to their own from their next visit to
            fascia. The program and its versions are kept; it cannot be changed afterwards.
          </p>
          <div class="actions">
            <button type="button" class="danger" disabled={busy} onClick={() => void end()}>
              {busy ? 'Ending…' : 'Yes, end it'}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Keep it
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

/** The section on a client's page: the clinic's home programs for the client and the form that assigns one. */
export function ClientPrograms({ id }: { id: number }) {
  const app = useApp();
  const kb = useLoad(async (): Promise<Kb> => {
    const [protocols, regions] = await Promise.all([api.protocols(), api.regions(), loadNames()]);
    return { protocols, regions };
  });
  const [programs, setPrograms] = useState<ProgramEntry[] | null>(null);
  const [hold, setHold] = useState<ProgramHold | null>(null);
  const [error, setError] = useState<string>('');
  const [loading, setLoading] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [saved, setSaved] = useState('');
  const gone = useContext(LinkGone);

  const load = async () => {
    setLoading(true);
    setError('');
    try {
      const list = await api.clientPrograms(id);
      setPrograms(list.programs);
      setHold(list.hold);
    } catch (e) {
      // The link is gone (the client revoked it): the whole page says so, and shows nothing of theirs.
      if (toApiError(e).status === 404) gone();
      setError(sentence(toApiError(e).message));
    } finally {
      setLoading(false);
    }
  };
  // After an assignment or a change, the programs are read (again), so that
  // what the confirmation points to is on the page.
  const after = (message: string) => {
    setSaved(message);
    void load();
  };

  return (
    <section aria-labelledby="programs-title" class="client-programs" data-testid="client-programs">
      <h2 id="programs-title">Home programs</h2>
      <p class="muted small">
        A home program sets the client's plan: the protocols, areas, pressure ceilings and doses you choose, within the
        home caps. The client sees who assigned it and every change, and can stop following it.
      </p>
      {kb.error ? <LoadError error={kb.error} retry={kb.reload} /> : null}
      {assigning && kb.data ? (
        <ProgramForm
          kb={kb.data}
          today={app.me.today}
          onCancel={() => setAssigning(false)}
          onSave={async (input) => {
            const made = await api.assignProgram(id, input);
            setAssigning(false);
            after(`Home program ${made.program.id} assigned. Its state is below.`);
          }}
        />
      ) : (
        <button type="button" class="primary" disabled={!kb.data} onClick={() => setAssigning(true)}>
          Assign a home program
        </button>
      )}
      <p role="status" class="ok">
        {saved}
      </p>
      {error ? <LoadError error={toApiError(new Error(error))} retry={() => void load()} /> : null}
      {hold && programs?.some((e) => e.in_force) ? <ProgramHoldNotice hold={hold} /> : null}
      {programs === null ? (
        <button type="button" disabled={loading} onClick={() => void load()}>
          {loading ? 'Loading the home programs…' : 'Show home programs'}
        </button>
      ) : loading && programs.length === 0 ? (
        <Loading what="the home programs" />
      ) : programs.length === 0 ? (
        <p class="muted" data-testid="no-programs">
          Your clinic has not assigned this client a home program.
        </p>
      ) : (
        programs.map((e) => <ClientProgram key={`${e.id}-${e.current.version}-${e.current.ended ?? ''}`} id={id} entry={e} kb={kb.data} today={app.me.today} awaitingSetup={hold?.awaiting_setup ?? false} onSaved={after} />)
      )}
    </section>
  );
}
