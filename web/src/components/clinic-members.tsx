// The Clinic page's members (issue 10, point 1; ADR 0021): each account with
// its role and whether it is active, and for a practitioner Deactivate or
// Reactivate, each after a confirmation that says what happens. Nothing is
// deleted: a deactivated practitioner is signed out, their open invitations
// are cancelled, and their clients keep their data, links and home programs.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { roleWords } from '../care';
import type { Account } from '../types';
import { localTime, sentence, toApiError } from '../util';

type Change = 'deactivate' | 'reactivate';

export function ClinicMembers({ members, onChanged }: { members: Account[]; onChanged: () => void }) {
  const [asking, setAsking] = useState<{ member: Account; change: Change } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const confirmRef = useRef<HTMLDivElement>(null);
  const buttonRefs = useRef(new Map<number, HTMLButtonElement>());
  const lastAsked = useRef<number | null>(null);

  // Focus goes to the question when it opens, and back to the member's button when it is answered "No".
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (lastAsked.current !== null) buttonRefs.current.get(lastAsked.current)?.focus();
  }, [asking]);

  if (members.length === 0) return <p class="muted">No members yet.</p>;
  const sorted = [...members].sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name));

  const ask = (member: Account, change: Change) => {
    lastAsked.current = member.person_id;
    setError('');
    setDone('');
    setAsking({ member, change });
  };

  const confirm = async () => {
    if (!asking) return;
    const { member, change } = asking;
    setBusy(true);
    setError('');
    try {
      if (change === 'deactivate') await api.deactivatePractitioner(member.person_id);
      else await api.reactivatePractitioner(member.person_id);
      lastAsked.current = null;
      setAsking(null);
      setDone(
        change === 'deactivate'
          ? `${member.name} is deactivated: signed out, and their open invitations are cancelled. Nothing was deleted.`
          : `${member.name} is active again and can log in.`,
      );
      onChanged();
    } catch (e) {
      setError(sentence(toApiError(e).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <table class="recent" data-testid="members">
        <caption class="visually-hidden">The clinic's accounts, their roles and whether each is active</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">
              <span class="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((m) => (
            <tr key={m.person_id} data-testid="member" data-name={m.name}>
              <td id={`member-${m.person_id}`}>{m.name}</td>
              <td>{roleWords[m.role].charAt(0).toUpperCase() + roleWords[m.role].slice(1)}</td>
              <td data-testid="member-state">
                {m.active ? 'Active' : `Deactivated ${m.deactivated ? localTime(m.deactivated) : ''}`.trim()}
              </td>
              <td>
                {m.role === 'practitioner' ? (
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) buttonRefs.current.set(m.person_id, el);
                      else buttonRefs.current.delete(m.person_id);
                    }}
                    aria-describedby={`member-${m.person_id}`}
                    disabled={busy}
                    onClick={() => ask(m, m.active ? 'deactivate' : 'reactivate')}
                  >
                    {m.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking ? (
        <div class="notice warn confirm" ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="member-confirm">
          <p id="member-confirm">
            {asking.change === 'deactivate' ? (
              <>
                <strong>Deactivate {asking.member.name}?</strong> They are signed out at once and cannot log in, their open
                invitation codes stop working, and they see nothing of any client. Nothing is deleted: their clients keep
                their data, links and home programs, their visit notes stay, and each client sees that{' '}
                {asking.member.name} is no longer active here. You can reactivate them later.
              </>
            ) : (
              <>
                <strong>Reactivate {asking.member.name}?</strong> They can log in again and see what their linked clients
                share with them. Invitation codes cancelled when they were deactivated stay cancelled.
              </>
            )}
          </p>
          <div class="actions">
            <button type="button" class={asking.change === 'deactivate' ? 'danger' : 'primary'} disabled={busy} onClick={() => void confirm()}>
              {busy
                ? asking.change === 'deactivate'
                  ? 'Deactivating…'
                  : 'Reactivating…'
                : `Yes, ${asking.change} ${asking.member.name}`}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking(null)}>
              No, keep as it is
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p class="ok" role="status" data-testid="member-changed">
          {done}
        </p>
      ) : null}
    </>
  );
}
