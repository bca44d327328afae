// A person's sharing with practitioners: accept an invitation code choosing
// what to share (nothing unless ticked), change or end each link (told when
// its practitioner is no longer active at the clinic), and see everyone who
// read or changed their data (the access log).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { InvitationCodeField, useInvitationPreview } from '../components/invitation-code-field';
import { NOTHING_SHARED, ShareChoices } from '../components/share-choices';
import { PARTS, roleWords, sharedWords } from '../care';
import { linkClick, navigate } from '../router';
import type { AccessEntry, CareLink, Me, Sharing } from '../types';
import {
  errorsFrom,
  LoadError,
  Loading,
  localDay,
  localTime,
  OtherErrors,
  Page,
  sentence,
  toApiError,
  useLoad,
  type FieldErrors,
} from '../util';

function fullShare(s: Sharing): Required<Sharing> {
  return { journal: !!s.journal, sessions: !!s.sessions, screening: !!s.screening };
}

// `welcome`: the account was just made with an invitation (its link is
// listed below); the page greets them and says what comes next.
export function SharingView({ code, welcome = null }: { code: string; welcome?: Me | null }) {
  const links = useLoad(() => api.links());
  const log = useLoad(() => api.accessLog());
  const reload = () => {
    links.reload();
    log.reload();
  };
  return (
    <Page title="Sharing" wide>
      {welcome ? (
        <div class="notice" role="status" data-testid="welcome">
          <p>
            <strong>Welcome, {welcome.name}.</strong> Your account is made and you are linked with your practitioner:
            below is what they may see, which you can change here at any time.
          </p>
          <p>
            {welcome.has_screening
              ? 'Next: your plan for today.'
              : 'Next: a few safety questions, asked before any plan, then what you want to work on.'}{' '}
            <a href={welcome.has_screening ? '/' : '/screening'} onClick={linkClick} class="button-link">
              {welcome.has_screening ? 'Go to Today' : 'Answer the safety questions'}
            </a>
          </p>
        </div>
      ) : null}
      <p>
        You decide what a practitioner may see. Nothing is shared unless you tick it, and you can change it or stop at any
        time.
      </p>
      <AcceptForm initialCode={code} onAccepted={reload} />

      <h2 id="links-title">Your practitioners</h2>
      {links.error ? <LoadError error={links.error} retry={links.reload} /> : null}
      {links.loading && !links.data ? <Loading what="your practitioners" /> : null}
      {links.data ? (
        links.data.length === 0 ? (
          <p class="muted">You are not linked with any practitioner.</p>
        ) : (
          <ul class="cards-list link-list" aria-labelledby="links-title">
            {[...links.data]
              .sort((a, b) => Number(b.live) - Number(a.live) || (a.created < b.created ? 1 : -1))
              .map((l) => (
                <LinkCard key={l.id} link={l} onChanged={reload} />
              ))}
          </ul>
        )
      ) : null}

      <h2 id="log-title">Who looked at my data</h2>
      {log.error ? <LoadError error={log.error} retry={log.reload} /> : null}
      {log.loading && !log.data ? <Loading what="the list" /> : null}
      {log.data ? <AccessLog entries={log.data} links={links.data ?? []} /> : null}
    </Page>
  );
}

function AcceptForm({ initialCode, onAccepted }: { initialCode: string; onAccepted: () => void }) {
  const [code, setCode] = useState(initialCode);
  const [share, setShare] = useState<Required<Sharing>>(NOTHING_SHARED);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  // Whose code it is, once complete, so the person chooses what to share knowing with whom.
  const from = useInvitationPreview(code, api.lookUpInvitation, (err) =>
    setErrors(err ? errorsFrom(err) : {}),
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone('');
    if (!code.trim()) {
      setErrors({ code: 'Enter the code your practitioner gave you.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const link = await api.acceptInvitation(code.trim(), share);
      const what = sharedWords(link.share);
      setDone(
        `You are linked with ${link.practitioner.name} at ${link.clinic.name}. ` +
          (what ? `They can see your ${what}.` : 'They see nothing of yours until you tick a part below.'),
      );
      setCode('');
      setShare(NOTHING_SHARED);
      navigate('/sharing', true); // the code works once: keep it out of the address
      onAccepted();
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="accept-title">
      <h2 id="accept-title">Accept an invitation</h2>
      <form onSubmit={submit} noValidate class="accept-form">
        <InvitationCodeField
          id="invite-code"
          value={code}
          onInput={setCode}
          errors={errors}
          hint="Your practitioner gives you a code like 7K2M-XQ9D-HB4T. It works once."
          from={from}
          fromTestId="invitation-from"
        />
        <ShareChoices who={from ? from.practitioner : 'the practitioner'} share={share} onChange={setShare} errors={errors} />
        <OtherErrors errors={errors} shown={['code', 'share']} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Linking…' : 'Accept and link'}
        </button>
        {done ? (
          <p class="ok" role="status" data-testid="accept-done">
            {done}
          </p>
        ) : null}
      </form>
    </section>
  );
}

function LinkCard({ link, onChanged }: { link: CareLink; onChanged: () => void }) {
  const [share, setShare] = useState(fullShare(link.share));
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const who = link.practitioner.name;
  const idp = `link-${link.id}`;

  useEffect(() => setShare(fullShare(link.share)), [link]);
  // Focus goes to the question when it opens, and back to Revoke when it is answered "Keep sharing".
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) revokeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  // Each change sends all three parts; only the answer to the latest change
  // is shown, so a slow earlier answer cannot undo a later tick.
  const seq = useRef(0);
  const toggle = async (part: keyof Sharing, on: boolean) => {
    const next = { ...share, [part]: on };
    const mine = ++seq.current;
    setShare(next);
    setStatus('');
    setError('');
    setBusy(true);
    try {
      const saved = await api.shareLink(link.id, next);
      if (mine !== seq.current) return;
      setShare(fullShare(saved.share));
      const what = sharedWords(saved.share);
      setStatus(what ? `Saved. ${who} can now see your ${what}.` : `Saved. ${who} can now see nothing of yours.`);
    } catch (err) {
      if (mine !== seq.current) return;
      setError(sentence(toApiError(err).message) + ' Nothing was changed.');
      onChanged(); // show what the server has
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };

  const revoke = async () => {
    setBusy(true);
    setError('');
    try {
      await api.revokeLink(link.id);
      setConfirming(false);
      onChanged();
    } catch (err) {
      setError(sentence(toApiError(err).message));
    } finally {
      setBusy(false);
    }
  };

  const what = sharedWords(link.share);
  return (
    <li class={link.live ? 'link-card live' : 'link-card revoked'} data-testid="link-card" data-link-id={link.id}>
      <h3 id={`${idp}-title`}>
        {who}, {link.clinic.name}
      </h3>
      <p>
        {/* A live link whose practitioner was deactivated is kept (it is the person's consent) but opens nothing. */}
        <span class={!link.live ? 'badge revoked-badge' : link.practitioner.active ? 'badge live-badge' : 'badge warn'}>
          {!link.live ? 'Ended' : link.practitioner.active ? 'Live' : 'Paused'}
        </span>{' '}
        {link.live ? (
          <>Linked since {localDay(link.created)}.</>
        ) : (
          <>
            Linked {localDay(link.created)}, ended {link.revoked ? localTime(link.revoked) : ''}. {who} sees nothing of
            yours.
          </>
        )}
      </p>
      {link.live && !link.practitioner.active ? (
        <p class="notice warn" data-testid="practitioner-inactive">
          {who} is no longer active at {link.clinic.name}: they see nothing of yours while their account is deactivated.
          For your care, contact {link.clinic.name}. A home program {who} assigned stays yours to follow or stop; you
          can also revoke this link.
        </p>
      ) : null}
      {link.live ? (
        <>
          <fieldset aria-busy={busy}>
            <legend>What {who} may see</legend>
            <div class="checks">
              {PARTS.map((p) => (
                <label key={p.id} class="check">
                  <input
                    type="checkbox"
                    name={`${idp}-${p.id}`}
                    checked={share[p.id]}
                    onChange={(e) => void toggle(p.id, e.currentTarget.checked)}
                  />
                  <span>{p.says}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {status ? (
            <p class="ok" role="status">
              {status}
            </p>
          ) : null}
          {error ? (
            <p class="field-error" role="alert">
              {error}
            </p>
          ) : null}
          {confirming ? (
            <div class="notice warn confirm" ref={confirmRef} tabIndex={-1} role="group" aria-labelledby={`${idp}-confirm`}>
              <p id={`${idp}-confirm`}>
                <strong>Stop sharing with {who}?</strong> From now on {who} will see nothing more of your data. What they
                have already seen cannot be taken back. To share again you need a new invitation code. A home program they
                assigned stays in force until you stop following it on the Home program page.
              </p>
              <div class="actions">
                <button type="button" class="danger" disabled={busy} onClick={() => void revoke()}>
                  Yes, stop sharing
                </button>
                <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
                  Keep sharing
                </button>
              </div>
            </div>
          ) : (
            <div class="actions">
              <button type="button" ref={revokeRef} onClick={() => setConfirming(true)} aria-describedby={`${idp}-title`}>
                Revoke
              </button>
            </div>
          )}
        </>
      ) : (
        <p class="muted small" data-testid="ended-link-saw">
          {/* A linked practitioner always reaches what their clinic adds (care_access: the care area), shared parts or not. */}
          While linked, {who} could see {what ? `your ${what}, and ` : ''}what their clinic added for you: home programs,
          clinic treatments, clearances and visit notes. The access log below lists each time they looked.
        </p>
      )}
    </li>
  );
}

/** Rows the access log shows at first, and adds with each "Show more". */
const ACCESS_LOG_PAGE = 20;

/** The access log, newest first, a page at a time (a year of a practitioner's reads is long on a phone). */
function AccessLog({ entries, links }: { entries: AccessEntry[]; links: CareLink[] }) {
  const [shown, setShown] = useState(ACCESS_LOG_PAGE);
  if (entries.length === 0)
    return (
      <p class="muted" data-testid="access-log-empty">
        No one but you has read or changed your data.
      </p>
    );
  const clinics = new Map(links.map((l) => [l.clinic.id, l.clinic.name]));
  return (
    <>
      <table class="recent access-log" data-testid="access-log">
        <caption class="visually-hidden">Who read or changed your data, newest first, in your local time</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {entries.slice(0, shown).map((e, i) => (
            <tr key={i}>
              <td>
                <time dateTime={e.at}>{localTime(e.at)}</time>
              </td>
              <td>
                {e.who.name}
                <span class="muted small">
                  {' '}
                  ({roleWords[e.who.role]}
                  {e.clinic_id !== null && clinics.has(e.clinic_id) ? `, ${clinics.get(e.clinic_id)}` : ''})
                </span>
              </td>
              <td>{e.what.charAt(0).toUpperCase() + e.what.slice(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length > shown ? (
        <div class="actions">
          <p class="muted small" data-testid="access-log-count">
            Showing the newest {shown} of {entries.length}.
          </p>
          <button type="button" onClick={() => setShown(shown + ACCESS_LOG_PAGE)}>
            Show {Math.min(ACCESS_LOG_PAGE, entries.length - shown)} more
          </button>
        </div>
      ) : null}
    </>
  );
}
