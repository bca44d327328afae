// Record that a practitioner has seen you: warning-sign findings stay in force
// until this is recorded (POST /api/v1/clearances). Shown under findings that
// still wait for a clearance. The clearance covers everything; for one region
// only, use the terminal (fascia clear --region). The day and the note are the
// fields a practitioner's clearance has too (clearance-fields.tsx). When the
// latest answers still say yes (`stillYes`), it says that answering the safety
// questions again comes next, and links there once the clearance is recorded.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../app-context';
import { useNames } from '../names';
import { errorsFrom, FieldError, type FieldErrors, OtherErrors } from '../util';
import { AnswerAgainLink } from './answer-again';
import { ClearanceDateNote, clearedLine } from './clearance-fields';

export function ClearanceForm({ onSaved, stillYes }: { onSaved?: () => void; stillYes: boolean }) {
  const app = useApp();
  const today = app.me.today;
  const names = useNames();
  const [by, setBy] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!by.trim()) {
      setErrors({ by: 'Say who saw you, for example "Dr Lee, physiotherapist".' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const [entry] = await api.recordClearance({ by: by.trim(), date, note });
      setSaved(clearedLine(entry, names));
      onSaved?.();
      void app.refresh(); // the warning signs it lifted, wherever the app shows them
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  }

  if (saved)
    return (
      <p class="clearance-saved" role="status">
        {saved}
        {stillYes ? (
          <>
            {' '}
            Your latest safety answers still say yes, so now{' '}
            <AnswerAgainLink>answer the safety questions again</AnswerAgainLink>.
          </>
        ) : null}
      </p>
    );
  return (
    <form class="clearance-form" onSubmit={submit} aria-labelledby="clearance-title" noValidate>
      <h3 id="clearance-title">A practitioner has checked me</h3>
      <p class="small">
        These warning signs stay in force until you record who cleared you: answering “no” alone does not lift them.
        {stillYes ? ' Your latest safety answers still say yes, so once the clearance is recorded, answer the safety questions again.' : ''}
      </p>
      <div class="field">
        <label for="own-clearance-by">Who cleared you</label>
        <input
          id="own-clearance-by"
          name="by"
          value={by}
          maxLength={200}
          aria-invalid={errors.by ? 'true' : undefined}
          onInput={(e) => setBy(e.currentTarget.value)}
        />
        <FieldError errors={errors} field="by" />
      </div>
      <ClearanceDateNote
        prefix="own-clearance"
        today={today}
        date={date}
        note={note}
        dateLabel="The day they saw you"
        noteLabel="What they said (optional)"
        errors={errors}
        onDate={setDate}
        onNote={setNote}
      />
      <OtherErrors errors={errors} shown={['by', 'date', 'note']} />
      <button type="submit" disabled={busy}>
        Record the clearance
      </button>
    </form>
  );
}
