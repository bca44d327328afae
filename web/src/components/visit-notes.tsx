// Visit notes (issue 10, point 7): a practitioner's SOAP note of one visit,
// shown the same way to the practitioner (views/clients.tsx) and to the
// person (views/notes.tsx). A note is never changed in place: each amendment
// is shown with who made it, when and why, and under it the text it
// replaced, so nothing earlier is hidden.
import { useMemo, useState } from 'preact/hooks';
import type { NoteDraftStore } from '../note-drafts';
import type { VisitNote, VisitNoteAmendmentInput, VisitNoteInput } from '../types';
import { errorsFrom, FieldError, type FieldErrors, localTime, longDate, OtherErrors } from '../util';

type Part = 'subjective' | 'objective' | 'assessment' | 'plan';
type Soap = Record<Part, string>;

/** The four parts in SOAP order, with what each holds. */
export const SOAP_PARTS: { id: Part; label: string; hint: string }[] = [
  { id: 'subjective', label: 'Subjective', hint: 'What the person reports: symptoms, history, how they have been.' },
  { id: 'objective', label: 'Objective', hint: 'What you found: observation, palpation, range of motion, measures.' },
  { id: 'assessment', label: 'Assessment', hint: 'What you make of it.' },
  { id: 'plan', label: 'Plan', hint: 'What comes next: treatment, home work, review.' },
];

/** The parts of a note's text that are not empty, as a definition list. */
export function SoapText({ text }: { text: Soap }) {
  const parts = SOAP_PARTS.filter((p) => text[p.id].trim() !== '');
  return (
    <dl class="soap">
      {parts.map((p) => (
        <div key={p.id} class="soap-part">
          <dt>{p.label}</dt>
          <dd>{text[p.id]}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One note: its latest text, then each amendment with the text it replaced.
 * `level`: the heading level of the note's title under the page's headings.
 */
export function NoteCard({ note, level, children }: { note: VisitNote; level: 2 | 3; children?: preact.ComponentChildren }) {
  const Title = level === 2 ? 'h2' : 'h3';
  return (
    <article class="visit-note" data-testid="visit-note" aria-labelledby={`note-${note.id}-title`}>
      <Title id={`note-${note.id}-title`} class="visit-note-title">
        Visit on {longDate(note.visit_date)}, {note.clinic.name}
      </Title>
      <p class="muted small">
        Written by {note.written.by.name}, {localTime(note.written.at)}
        {note.amended ? `; amended ${note.revisions.length - 1} time${note.revisions.length > 2 ? 's' : ''}` : ''}.
      </p>
      <SoapText text={note} />
      {note.revisions.slice(1).map((r, i) => (
        <div key={r.number} class="amendment" data-testid="amendment">
          <p>
            <strong>
              Amended on {localTime(r.at)} by {r.by.name}
            </strong>
            : {r.reason}
          </p>
          <div class="earlier-text">
            <p class="small muted">Earlier text (revision {note.revisions[i].number}):</p>
            <SoapText text={note.revisions[i]} />
          </div>
        </div>
      ))}
      {children}
    </article>
  );
}

/**
 * The SOAP form: a new note (with the visit date) or an amendment (with its
 * reason, prefilled with the latest text; only the parts changed are sent).
 */
export function NoteForm({
  today,
  amend,
  draft,
  onSave,
  onCancel,
}: {
  today: string;
  amend?: VisitNote;
  /** Where the text is kept as it is typed (note-drafts.ts), so a refused save loses nothing; cleared once saved or cancelled. */
  draft?: NoteDraftStore;
  onSave: (input: VisitNoteInput | VisitNoteAmendmentInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const start: Soap = amend
    ? { subjective: amend.subjective, objective: amend.objective, assessment: amend.assessment, plan: amend.plan }
    : { subjective: '', objective: '', assessment: '', plan: '' };
  const kept = useMemo(() => draft?.load() ?? null, [draft]);
  const [text, setTextOnly] = useState<Soap>(
    kept ? { subjective: kept.subjective, objective: kept.objective, assessment: kept.assessment, plan: kept.plan } : start,
  );
  const [date, setDateOnly] = useState(kept?.date ?? today);
  const [reason, setReasonOnly] = useState(kept?.reason ?? '');
  // Every change is kept at once; text equal to the note's own (an amendment not yet changed) is not a draft.
  const keep = (t: Soap, d: string, r: string) => {
    if (!draft) return;
    const changed = SOAP_PARTS.some((p) => t[p.id] !== start[p.id]) || r.trim() !== '';
    if (changed) draft.save(amend ? { ...t, reason: r } : { ...t, date: d });
    else draft.clear();
  };
  const setText = (t: Soap) => {
    setTextOnly(t);
    keep(t, date, reason);
  };
  const setDate = (d: string) => {
    setDateOnly(d);
    keep(text, d, reason);
  };
  const setReason = (r: string) => {
    setReasonOnly(r);
    keep(text, date, r);
  };
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const prefix = amend ? `amend-${amend.id}` : 'note';

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      if (amend) {
        const changed: VisitNoteAmendmentInput = { reason };
        for (const p of SOAP_PARTS) if (text[p.id] !== start[p.id]) changed[p.id] = text[p.id];
        await onSave(changed);
        draft?.clear();
      } else {
        await onSave({ date, ...text });
        draft?.clear();
        setTextOnly(start);
      }
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  }

  const shown = ['date', 'reason', ...SOAP_PARTS.map((p) => p.id)];
  return (
    <form class="note-form" onSubmit={submit} aria-label={amend ? 'Amend this note' : 'Write a visit note'}>
      {amend ? (
        <p class="small">The note is not changed: your amendment is added with its reason, and the earlier text stays shown.</p>
      ) : (
        <p>
          <label for={`${prefix}-date`}>Day of the visit</label>
          <input id={`${prefix}-date`} type="date" value={date} max={today} required onInput={(e) => setDate(e.currentTarget.value)} />
          <FieldError errors={errors} field="date" />
        </p>
      )}
      {SOAP_PARTS.map((p) => (
        <p key={p.id}>
          <label for={`${prefix}-${p.id}`}>{p.label}</label>
          <span class="small muted" id={`${prefix}-${p.id}-hint`}>
            {' '}
            {p.hint}
          </span>
          <textarea
            id={`${prefix}-${p.id}`}
            rows={3}
            maxLength={4000}
            value={text[p.id]}
            aria-describedby={`${prefix}-${p.id}-hint`}
            onInput={(e) => setText({ ...text, [p.id]: e.currentTarget.value })}
          />
          <FieldError errors={errors} field={p.id} />
        </p>
      ))}
      {amend ? (
        <p>
          <label for={`${prefix}-reason`}>Reason for the amendment</label>
          <input id={`${prefix}-reason`} value={reason} maxLength={500} required onInput={(e) => setReason(e.currentTarget.value)} />
          <FieldError errors={errors} field="reason" />
        </p>
      ) : null}
      <OtherErrors errors={errors} shown={shown} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : amend ? 'Save the amendment' : 'Save the note'}
        </button>
        {onCancel ? (
          <button
            type="button"
            onClick={() => {
              draft?.clear();
              onCancel();
            }}
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
