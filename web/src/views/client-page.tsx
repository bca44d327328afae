// One client's page, for a linked practitioner: a tab for each part of their
// data, their progress, screening and clearances, home programs, clinic
// treatments and the clinic's visit notes. Every read is written to the
// client's own access log by the server; a part the client does not share
// answers 403 with the server's reason, which is shown as it is. Below the
// parts, the form that records a clinic treatment into the client's journal,
// then the clinic's visit notes about the client: a SOAP form, and the notes
// (read only when asked for, since each read is logged) with their
// amendments.
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { NoteCard, NoteForm, SoapText } from '../components/visit-notes';
import { keptDrafts, noteDraftStore, type NoteDraftStore } from '../note-drafts';
import { ClientPrograms } from '../components/client-programs';
import { LinkGone } from '../components/link-gone';
import { ClinicTreatments } from '../components/clinic-treatment-form';
import { awaitingClearance, ClientClearanceForm } from '../components/client-clearance-form';
import { fullyCleared } from '../components/answer-again';
import { clearedLine } from '../components/clearance-fields';
import { api, type ClientPart } from '../api';
import { PARTS } from '../care';
import { areaList, loadNames, stopSignWords, useNames } from '../names';
import { linkClick } from '../router';
import type { ClientView, ScreeningRecord, Session, VisitNote, VisitNoteAmendmentInput, VisitNoteInput } from '../types';
import { levelWords, LoadError, Loading, localDay, longDate, Page, sentence, sideWord, toApiError, useLoad } from '../util';
import type { ApiError } from '../api';
import { Recent } from './journal';
import { ProgressBody } from './progress';
import { Flags, sharesLine } from './clients';
const NOT_LINKED = 'This person is not linked to you: they never accepted an invitation of yours, or they stopped sharing.';


export function ClientPage({ id }: { id: number }) {
  const view = useLoad(() => api.client(id), [id]);
  const first = view.data ? PARTS.find((p) => view.data!.link.share[p.id])?.id ?? 'journal' : 'journal';
  const [tab, setTab] = useState<ClientPart | null>(null);
  // Bumped by a clearance or a clinic treatment: the progress (flags), the open part and the programs (hold) are read again.
  const [changed, setChanged] = useState(0);
  const app = useApp();
  const current = tab ?? first;
  const link = view.data?.link;
  return (
    <Page title={link ? link.client.name : view.error?.status === 404 ? 'Client not linked' : 'Client'} wide>
      <p class="back-link">
        <a href="/clients" onClick={linkClick}>
          Back to all clients
        </a>
      </p>
      {view.error ? <ClientError error={view.error} retry={view.reload} /> : null}
      {view.error?.status === 404 ? <KeptNoteDrafts client={id} /> : null}
      {view.loading && !view.data ? <Loading what="the client" /> : null}
      {link ? (
        // Only the parts shown with the link tell it is gone: the client's own
        // 404 above must not read the client again, and again.
        <LinkGone.Provider value={view.reload}>
          <p>
            Linked since {localDay(link.created)} at {link.clinic.name}. {sharesLine(link)}
          </p>
          <p class="muted small">Each time you open a part, it is written in the client's list of who looked at their data.</p>
          {link.share.journal ? <ClientProgressPanel key={changed} id={id} sessionsShared={!!link.share.sessions} /> : (
            <p class="muted" data-testid="progress-not-shared">Progress: not shared (it comes from the client's journal).</p>
          )}
          <div class="tabs" role="tablist" aria-label="Part of the client's data">
            {PARTS.map((p, i) => (
              <button
                key={p.id}
                type="button"
                role="tab"
                id={`tab-${p.id}`}
                aria-selected={current === p.id}
                aria-controls="client-panel"
                tabIndex={current === p.id ? 0 : -1}
                class={current === p.id ? 'tab active' : 'tab'}
                onClick={() => setTab(p.id)}
                onKeyDown={(e) => {
                  let j = -1;
                  if (e.key === 'ArrowRight') j = (i + 1) % PARTS.length;
                  if (e.key === 'ArrowLeft') j = (i + PARTS.length - 1) % PARTS.length;
                  if (j >= 0) {
                    e.preventDefault();
                    setTab(PARTS[j].id);
                    document.getElementById(`tab-${PARTS[j].id}`)?.focus();
                  }
                }}
              >
                {p.label}
              </button>
            ))}
          </div>
          <div id="client-panel" role="tabpanel" aria-labelledby={`tab-${current}`} class="entry-panel" data-part={current}>
            {current === 'screening' ? (
              <ScreeningPanel id={id} name={link.client.name} onCleared={() => setChanged((c) => c + 1)} />
            ) : (
              <PartPanel key={`${current}-${changed}`} id={id} part={current} />
            )}
          </div>
          <ClinicTreatments client={id} clientName={link.client.name} today={app.me.today} onSaved={() => setChanged((c) => c + 1)} />
          <VisitNotes id={id} />
          <ClientPrograms key={changed} id={id} />
        </LinkGone.Provider>
      ) : null}
    </Page>
  );
}

/**
 * Visit notes this practitioner began for a client whose link is gone: not
 * saved, kept in this browser only (note-drafts.ts), shown to copy and then
 * discard. Nothing of the client's own data is shown.
 */
function KeptNoteDrafts({ client }: { client: number }) {
  const app = useApp();
  const [drafts, setDrafts] = useState(() => keptDrafts(app.me.person_id, client));
  if (drafts.length === 0) return null;
  return (
    <section class="notice warn" aria-labelledby="kept-drafts-title" data-testid="kept-note-drafts">
      <h2 id="kept-drafts-title">Your visit note was not saved</h2>
      <p>
        The link to this client ended before it could be saved, so it is not in their record. It is kept in this browser
        only, until you discard it or log out: copy what you need first.
      </p>
      {drafts.map((k) => (
        <div key={k.amends ?? 'new'} class="kept-draft" data-testid="kept-note-draft">
          <p class="small">
            {k.amends === null
              ? `A new visit note${k.draft.date ? ` of ${longDate(k.draft.date)}` : ''}`
              : `An amendment to note ${k.amends}${k.draft.reason ? ` (reason: ${k.draft.reason})` : ''}`}
          </p>
          <SoapText text={k.draft} />
          <button
            type="button"
            onClick={() => {
              noteDraftStore(app.me.person_id, client, k.amends).clear();
              setDrafts(keptDrafts(app.me.person_id, client));
            }}
          >
            Discard this draft
          </button>
        </div>
      ))}
    </section>
  );
}

function ClientProgressPanel({ id, sessionsShared }: { id: number; sessionsShared: boolean }) {
  const d = useLoad(async () => {
    const [page, regions] = await Promise.all([api.clientProgress(id), api.regions(), loadNames()]); // names ready before the body shows
    return { page, regions };
  }, [id]);
  return (
    <section aria-labelledby="client-progress-title" data-testid="client-progress">
      <h2 id="client-progress-title">Progress</h2>
      {d.error ? (
        d.error.status === 409 ? <p class="muted">{sentence(d.error.message)}</p> : <ClientError error={d.error} retry={d.reload} />
      ) : null}
      {d.loading && !d.data ? <Loading what="their progress" /> : null}
      {d.data ? (
        <>
          <Flags flags={d.data.page.flags} />
          {sessionsShared ? (
            <p data-testid="client-session-count">
              {d.data.page.sessions === 1 ? '1 session' : `${d.data.page.sessions} sessions`} logged in all, since their
              first. The week-4 review below counts only the sessions planned before it.
            </p>
          ) : null}
          <ProgressBody p={d.data.page.progress} regions={d.data.regions} reload={d.reload} client={{ sessionsShared }} />
        </>
      ) : null}
    </section>
  );
}

function ClientError({ error, retry }: { error: ApiError; retry?: () => void }) {
  const gone = useContext(LinkGone);
  useEffect(() => {
    if (error.status === 404) gone();
  }, [error, gone]);
  if (error.status === 404)
    return (
      <div class="notice warn" role="alert" data-testid="not-linked">
        <p>
          <strong>{NOT_LINKED}</strong>
        </p>
        <p class="small">{sentence(error.message)}</p>
      </div>
    );
  if (error.status === 403)
    return (
      <div class="notice" role="status" data-testid="not-shared">
        <p>
          <strong>Not shared.</strong> {sentence(error.message)}
        </p>
        <p class="small muted">Only the client can change what they share.</p>
      </div>
    );
  return <LoadError error={error} retry={retry} />;
}

function PartPanel({ id, part }: { id: number; part: 'journal' | 'sessions' }) {
  const d = useLoad(() => api.clientPart(id, part), [id, part]);
  if (d.error) return <ClientError error={d.error} retry={d.reload} />;
  if (d.loading || !d.data) return <Loading what={PARTS.find((p) => p.id === part)!.name} />;
  return <PartBody view={d.data} part={part} />;
}

function PartBody({ view, part }: { view: ClientView; part: 'journal' | 'sessions' }) {
  if (part === 'journal')
    return view.journal ? (
      <Recent journal={view.journal} clinics={{ [view.link.clinic.id]: view.link.clinic.name }} sessionsKnown={false} />
    ) : (
      <p class="muted">No journal.</p>
    );
  return <Sessions sessions={view.sessions ?? []} />;
}

/**
 * The Screening tab: the client's latest answers and what holds now, and, for
 * the warning signs only a practitioner's clearance lifts, the form that
 * records one. A saved clearance reads the screening again (the cleared
 * warning signs are gone) and tells the page (`onCleared`), which reads the
 * flags and the programs' hold again.
 */
function ScreeningPanel({ id, name, onCleared }: { id: number; name: string; onCleared: () => void }) {
  const app = useApp();
  const names = useNames();
  const d = useLoad(() => api.clientPart(id, 'screening'), [id]);
  const [saved, setSaved] = useState('');
  const status = (
    <p role="status" class="ok" data-testid="client-clearance-saved">
      {saved}
    </p>
  );
  if (d.error?.status === 403)
    // Not shared: the answers stay hidden, but a practitioner who has seen
    // the client can still clear every warning sign, as in the terminal.
    return (
      <>
        <ClientError error={d.error} retry={d.reload} />
        {status}
        <ClientClearanceForm
          key={saved}
          client={id}
          clientName={name}
          findings={[]}
          today={app.me.today}
          onSaved={(entry) => {
            setSaved(`${clearedLine(entry, names)} ${name} sees it with their warning signs.`);
            onCleared();
          }}
        />
      </>
    );
  if (d.error) return <ClientError error={d.error} retry={d.reload} />;
  if (!d.data) return <Loading what={PARTS.find((p) => p.id === 'screening')!.name} />;
  const s = d.data.screening;
  if (!s) return <p class="muted">They have not answered the safety questions yet.</p>;
  const waiting = awaitingClearance(s.clearance.findings);
  return (
    <>
      <Screening s={s} />
      {status}
      {waiting.length ? (
        <ClientClearanceForm
          key={saved}
          client={id}
          clientName={name}
          findings={waiting}
          today={app.me.today}
          onSaved={(entry) => {
            setSaved(`${clearedLine(entry, names)} ${name} sees it with their warning signs.`);
            d.reload();
            onCleared();
          }}
        />
      ) : null}
    </>
  );
}

function Sessions({ sessions }: { sessions: Session[] }) {
  const names = useNames();
  if (sessions.length === 0) return <p class="muted">No sessions yet.</p>;
  const sorted = [...sessions].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
  return (
    <table class="recent" data-testid="client-sessions">
      <caption class="visually-hidden">Sessions, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Session</th>
          <th scope="col">Steps</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((s) => (
          <tr key={s.id}>
            <td>{longDate(s.date)}</td>
            <td>
              {names.of('protocols', s.protocol)}
              {s.target_region ? `, ${names.of('regions', s.target_region)} (${sideWord(s.side)})` : ''}
            </td>
            <td>
              {s.steps.filter((x) => x.status === 'done').length} of {s.steps.length} done
              {s.stopped ? `; stopped early${stopSignWords(s, names)}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Screening({ s }: { s: ScreeningRecord }) {
  const names = useNames();
  const yes = Object.entries(s.answers).filter(([, a]) => a.yes);
  return (
    <div data-testid="client-screening">
      <p>
        Answered on {longDate(s.date)}: <strong>{levelWords[s.clearance.level]}</strong>.
      </p>
      {s.clearance.findings.length ? (
        <>
          <h2>Findings</h2>
          <ul class="findings">
            {s.clearance.findings.map((f, i) => (
              <li key={f.rule + i} class={`finding level-${f.level}`}>
                <p class="finding-level">{levelWords[f.level]}</p>
                <p>{f.advice}</p>
                {f.regions.length ? (
                  <p class="small">
                    Applies to: {f.regions.map((r) => `${names.of('regions', r.region)} (${sideWord(r.side)})`).join(', ')}
                  </p>
                ) : null}
                {f.cleared ? (
                  <p class="small" data-testid="cleared-still-answered">
                    Cleared by {f.cleared_by} on {longDate(f.cleared)}
                    {f.cleared_regions.length ? ` for ${areaList(f.cleared_regions, names)}` : ''}; their latest safety
                    answers still say yes, so {f.cleared_regions.length ? 'there ' : ''}it holds until they answer the
                    safety questions again.
                  </p>
                ) : null}
                {f.until_cleared && !fullyCleared(f) ? (
                  <p class="small">In force until a practitioner clearance is recorded.</p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Answered yes</h2>
      {yes.length === 0 ? (
        <p class="muted">No to every question.</p>
      ) : (
        <ul>
          {yes.map(([q, a]) => (
            <li key={q}>
              {names.of('questions', q)}
              {a.regions.length ? ` (${a.regions.map((r) => `${names.of('regions', r.region)}, ${sideWord(r.side)}`).join('; ')})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Newest visit first, then newest note: the server's order. */
function byVisit(a: VisitNote, b: VisitNote): number {
  return a.visit_date < b.visit_date ? 1 : a.visit_date > b.visit_date ? -1 : b.id - a.id;
}

function VisitNotes({ id }: { id: number }) {
  const app = useApp();
  const gone = useContext(LinkGone);
  const newDraft = useMemo(() => noteDraftStore(app.me.person_id, id, null), [app.me.person_id, id]);
  const amendDrafts = useMemo(() => new Map<number, NoteDraftStore>(), [app.me.person_id, id]);
  const amendDraft = (noteId: number) => {
    if (!amendDrafts.has(noteId)) amendDrafts.set(noteId, noteDraftStore(app.me.person_id, id, noteId));
    return amendDrafts.get(noteId)!;
  };
  // A save refused because the link is gone (404): the draft is kept in this
  // browser (the form saved it as it was typed), and the page shows only
  // "not linked", with the kept draft to copy.
  const linkGoneOn = async (save: () => Promise<void>) => {
    try {
      await save();
    } catch (e) {
      if (toApiError(e).status === 404) gone();
      throw e;
    }
  };
  const [notes, setNotes] = useState<VisitNote[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [saved, setSaved] = useState('');
  const [amending, setAmending] = useState<number | null>(null);

  const load = async () => {
    setLoading(true);
    setError(null);
    try {
      setNotes((await api.clientNotes(id)).notes);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(false);
    }
  };
  const write = (input: VisitNoteInput | VisitNoteAmendmentInput) =>
    linkGoneOn(async () => {
      const note = await api.writeNote(id, input as VisitNoteInput);
      setSaved(`Visit note of ${longDate(note.visit_date)} saved.`);
      if (notes) setNotes([note, ...notes].sort(byVisit));
    });
  const amend = (noteId: number) => (input: VisitNoteInput | VisitNoteAmendmentInput) =>
    linkGoneOn(async () => {
      const note = await api.amendNote(id, noteId, input as VisitNoteAmendmentInput);
      setNotes((notes ?? []).map((n) => (n.id === note.id ? note : n)));
      setAmending(null);
      setSaved(`Amendment to the note of ${longDate(note.visit_date)} saved.`);
    });

  return (
    <section aria-labelledby="notes-title" class="visit-notes" data-testid="visit-notes">
      <h2 id="notes-title">Visit notes</h2>
      <p class="muted small">
        Your clinic's notes about this client; the client can read them. A saved note is never changed: amend it, and
        the earlier text stays shown.
      </p>
      <details class="note-writer">
        <summary>Write a visit note</summary>
        <NoteForm today={app.me.today} draft={newDraft} onSave={write} />
      </details>
      <p role="status" class="ok">
        {saved}
      </p>
      {error ? <ClientError error={error} retry={() => void load()} /> : null}
      {notes === null ? (
        <button type="button" disabled={loading} onClick={() => void load()}>
          {loading ? 'Loading the visit notes…' : 'Show the visit notes'}
        </button>
      ) : notes.length === 0 ? (
        <p class="muted" data-testid="no-notes">
          No visit notes of your clinic yet.
        </p>
      ) : (
        notes.map((n) => (
          <NoteCard key={n.id} note={n} level={3}>
            {amending === n.id ? (
              <NoteForm
                today={app.me.today}
                amend={n}
                draft={amendDraft(n.id)}
                onSave={amend(n.id)}
                onCancel={() => setAmending(null)}
              />
            ) : (
              <button type="button" onClick={() => setAmending(n.id)}>
                Amend this note
              </button>
            )}
          </NoteCard>
        ))
      )}
    </section>
  );
}
