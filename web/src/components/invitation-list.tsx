// A practitioner's invitations on the Clients page (issue 10, point 2): each
// with when it was made and where it stands — open until when, accepted by
// whom, expired, or cancelled — and Cancel for an open one, after which its
// code is refused. The codes themselves are never shown again (only their
// hashes are kept). `version` changes when a new invitation is made, which
// reads the list again; `onCancelled` tells the page which one was cancelled
// (so the code just shown can be withdrawn).
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { InvitationStatus } from '../types';
import { LoadError, Loading, localTime, sentence, toApiError, useLoad } from '../util';

const STATE_WORDS: Record<InvitationStatus['state'], string> = {
  open: 'Open',
  used: 'Accepted',
  expired: 'Expired',
  cancelled: 'Cancelled',
};

function detail(i: InvitationStatus): string {
  switch (i.state) {
    case 'open':
      return `Works once, until ${localTime(i.expires)}.`;
    case 'used':
      return `Accepted by ${i.accepted_by?.name || 'a person'}${i.used ? ` on ${localTime(i.used)}` : ''}.`;
    case 'expired':
      return `Expired ${localTime(i.expires)} without being used.`;
    case 'cancelled':
      return `Cancelled ${i.cancelled ? localTime(i.cancelled) : ''}: the code no longer works.`;
  }
}

export function InvitationList({ version, onCancelled }: { version: number; onCancelled: (id: number) => void }) {
  const list = useLoad(() => api.invitations(), [version]);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const cancel = async (i: InvitationStatus) => {
    setBusy(i.id);
    setError('');
    setDone('');
    try {
      await api.cancelInvitation(i.id);
      onCancelled(i.id);
      setDone(`Invitation made ${localTime(i.created)} cancelled: its code no longer works.`);
      list.reload();
    } catch (e) {
      setError(sentence(toApiError(e).message));
      list.reload();
    } finally {
      setBusy(null);
    }
  };

  const items = list.data;
  return (
    <section aria-labelledby="invitations-title" data-testid="invitations">
      <h2 id="invitations-title">Your invitations</h2>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {list.loading && !items ? <Loading what="your invitations" /> : null}
      {items && items.length === 0 ? <p class="muted">No invitations yet.</p> : null}
      {items && items.length > 0 ? (
        <table class="recent">
          <caption class="visually-hidden">Your invitation codes, newest first, and where each stands</caption>
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">State</th>
              <th scope="col">Details</th>
              <th scope="col">
                <span class="visually-hidden">Cancel</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-testid="invitation-row" data-state={i.state}>
                <td id={`invitation-${i.id}`}>{localTime(i.created)}</td>
                <td>{STATE_WORDS[i.state]}</td>
                <td>{detail(i)}</td>
                <td>
                  {i.state === 'open' ? (
                    <button
                      type="button"
                      disabled={busy !== null}
                      aria-describedby={`invitation-${i.id}`}
                      onClick={() => void cancel(i)}
                    >
                      {busy === i.id ? 'Cancelling…' : 'Cancel'}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p class="ok" role="status" data-testid="invitation-cancelled">
          {done}
        </p>
      ) : null}
    </section>
  );
}
