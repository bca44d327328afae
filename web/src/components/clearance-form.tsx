// Record that a practitioner has seen you: warning-sign findings stay in force
// until this is recorded (POST /api/v1/clearances). Shown under findings that
// are "until cleared". The clearance covers everything; for one region only,
// use the terminal (fascia clear --region).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { longDate } from '../util';

export function ClearanceForm({ onSaved }: { onSaved?: () => void }) {
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!by.trim()) {
      setError('Say who saw you, for example "Dr Lee, physiotherapist".');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const [entry] = await api.recordClearance({ by: by.trim(), note });
      setSaved(`Recorded: cleared by ${entry.by} on ${longDate(entry.date)}.`);
      onSaved?.();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  if (saved) return <p class="clearance-saved" role="status">{saved}</p>;
  return (
    <form class="clearance-form" onSubmit={submit} aria-labelledby="clearance-title">
      <h3 id="clearance-title">A practitioner has checked me</h3>
      <p class="small">
        These warning signs stay in force until you record who cleared you. Answering the questions again with “no” does
        not lift them.
      </p>
      <label>
        Who cleared you
        <input name="by" value={by} maxLength={200} onInput={(e) => setBy((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        What they said (optional)
        <input name="note" value={note} maxLength={2000} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </label>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <button type="submit" disabled={busy}>
        Record the clearance
      </button>
    </form>
  );
}
