// A practitioner's clients: make an invitation code (shown once, with a link
// that fills it in for the client, where a client with no account makes one),
// their invitations with a Cancel for open ones
// (components/invitation-list.tsx), and the list of linked clients ordered by
// what needs attention, each with its flags. One client's page is
// client-page.tsx.
import { useEffect, useRef, useState } from 'preact/hooks';
import { InvitationList } from '../components/invitation-list';
import { api } from '../api';
import { sharedWords } from '../care';
import type { ApiError } from '../api';
import { linkClick } from '../router';
import type { AttentionFlag, CareLink, ClientAttention, Invitation } from '../types';
import { LoadError, Loading, localDay, localTime, longDate, Page, sentence, toApiError, useLoad } from '../util';

export function ClientsView() {
  const clients = useLoad(() => api.attention());
  const list = clients.data?.clients;
  const [invitations, setInvitations] = useState(0); // raised when a code is made: the list is read again
  const [cancelled, setCancelled] = useState<number[]>([]); // invitations cancelled on this page
  return (
    <Page title="Clients" wide>
      <InviteBox onMade={() => setInvitations((n) => n + 1)} cancelled={cancelled} />
      <InvitationList version={invitations} onCancelled={(id) => setCancelled((ids) => [...ids, id])} />
      <h2 id="clients-title">Your clients</h2>
      <p class="muted small">
        Most in need of attention first. Opening this list is written in each client's list of who looked at their data.
      </p>
      {clients.error ? <LoadError error={clients.error} retry={clients.reload} /> : null}
      {clients.loading && !clients.data ? <Loading what="your clients" /> : null}
      {list ? (
        list.length === 0 ? (
          <p class="muted" data-testid="no-clients">
            No clients yet. Make an invitation code and give it to a client: once they accept it, they appear here.
          </p>
        ) : (
          <ul class="cards-list" aria-labelledby="clients-title" data-testid="client-list">
            {list.map((c) => (
              <ClientItem key={c.link.id} c={c} />
            ))}
          </ul>
        )
      ) : null}
    </Page>
  );
}

/** The words of each attention flag's badge (core/attention.hpp's kinds). */
export const FLAG_WORDS: Record<AttentionFlag['kind'], string> = {
  'stop-event': 'Session stopped',
  'new-warning-sign': 'Warning sign',
  'own-clearance': 'Cleared by own entry',
  'program-held': 'Home program held',
  'program-not-doable': 'Home program not doable',
  'program-replaced': 'Home program replaced',
  'repeated-bruising': 'Repeated bruising',
  'pain-worse-after': 'Pain worse after a session',
  'not-improving': 'Week-4 review: see a practitioner',
  'low-adherence': 'Few sessions done',
  inactive: 'Nothing logged',
};

function ClientItem({ c }: { c: ClientAttention }) {
  const l = c.link;
  const nothing = c.not_shared.length === 3;
  return (
    <li class="client-item" data-testid="client-item" data-client={l.client.person_id}>
      <h3>
        <a href={`/clients/${l.client.person_id}`} onClick={linkClick}>
          {l.client.name}
        </a>
      </h3>
      <Flags flags={c.flags} />
      {nothing ? (
        <p data-testid="client-not-shared">
          <strong>Not shared:</strong> this client shares nothing with you yet.
        </p>
      ) : c.flags.length === 0 ? (
        <p class="muted" data-testid="client-quiet">
          Nothing needs attention in what they share.
        </p>
      ) : null}
      {!nothing && c.not_shared.length ? (
        <p class="small muted" data-testid="client-not-shared">
          Not shared: their {sharedWords(Object.fromEntries(c.not_shared.map((p) => [p, true])))}.
        </p>
      ) : null}
      <p class="muted small">
        {sharesLine(l)} Linked since {localDay(l.created)}.
      </p>
    </li>
  );
}

export function Flags({ flags }: { flags: AttentionFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul class="flags" aria-label="Needs attention" data-testid="client-flags">
      {flags.map((f) => (
        <li key={f.kind} class={`flag flag-rank-${Math.min(f.rank, 3)}`} data-kind={f.kind}>
          <span class="flag-badge">{FLAG_WORDS[f.kind]}</span> <span class="flag-date">{longDate(f.date)}</span>
          <span class="flag-reason">{sentence(f.reason)}</span>
        </li>
      ))}
    </ul>
  );
}

/** What a link shares, in a sentence: "Shares their journal." */
export function sharesLine(l: CareLink): string {
  const what = sharedWords(l.share);
  return what ? `Shares their ${what}.` : 'Shares nothing yet.';
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function InviteBox({ onMade, cancelled }: { onMade: () => void; cancelled: number[] }) {
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState('');
  const codeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (invitation) codeRef.current?.focus();
  }, [invitation]);

  const make = async () => {
    setBusy(true);
    setError(null);
    setCopied('');
    try {
      setInvitation(await api.invite());
      onMade();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const link = invitation ? `${location.origin}/sharing?code=${encodeURIComponent(invitation.code)}` : '';
  return (
    <section aria-labelledby="invite-title" class="invite">
      <h2 id="invite-title">Invite a client</h2>
      <p>
        A code links one client to you. The client chooses what you may see, and can change it or stop sharing at any
        time.
      </p>
      <button type="button" class="primary" disabled={busy} onClick={() => void make()}>
        {busy ? 'Making a code…' : invitation ? 'Make another invitation code' : 'Make an invitation code'}
      </button>
      {error ? <LoadError error={error} /> : null}
      {invitation && cancelled.includes(invitation.id) ? (
        <p class="muted" data-testid="invitation-withdrawn">
          You cancelled the code made last: it no longer works.
        </p>
      ) : invitation ? (
        <div class="invite-result" ref={codeRef} tabIndex={-1} aria-labelledby="invite-code-label" data-testid="invitation">
          <p id="invite-code-label" class="invite-label">
            Invitation code
          </p>
          <p class="invite-code" data-testid="invite-code">
            {invitation.code}
          </p>
          <p>
            It works once, until {localTime(invitation.expires)}. It is shown only now: write it down or send it before
            you leave this page.
          </p>
          <p class="invite-link-label">
            Or send this link, which fills the code in for them. A client with no account yet makes one there with it.
          </p>
          <p class="invite-link">
            <a href={link} data-testid="invite-link">
              {link}
            </a>
          </p>
          <div class="actions">
            <button
              type="button"
              onClick={() => void copy(invitation.code).then((ok) => setCopied(ok ? 'Code copied.' : 'Could not copy: select the code and copy it.'))}
            >
              Copy code
            </button>
            <button
              type="button"
              onClick={() => void copy(link).then((ok) => setCopied(ok ? 'Link copied.' : 'Could not copy: select the link and copy it.'))}
            >
              Copy link
            </button>
            <span role="status" class="ok">
              {copied}
            </span>
          </div>
        </div>
      ) : null}
    </section>
  );
}
