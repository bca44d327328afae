// One check-in for a whole session: every area the session worked with an
// instrument on one form, "all clear" with one button, or each area adjusted
// (redness, red dots, bruising, soreness) and saved together. Says plainly
// from which day a check-in releases the next session (POST
// /sessions/{id}/check-in, docs/API.md).
import { NrsSelect } from '../components/nrs-select';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { linkClick, navigate } from '../router';
import type { CheckinArea, CheckinForm, CheckinSaved, CheckinRun } from '../types';
import { errorsFrom, LoadError, Loading, longDate, OtherErrors, Page, sideWord, useLoad, type FieldErrors } from '../util';

/**
 * The form for `session`, or, when `session` is 0, for the latest instrument
 * work at home or in clinic (GET /check-in); null when there is none.
 */
async function loadForm(session: number): Promise<CheckinForm | null> {
  if (session > 0) return api.checkinForm(session);
  try {
    return await api.latestCheckinForm();
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

function areaKey(a: CheckinArea): string {
  return `${a.region}.${a.side}`;
}

export function CheckinView({ session }: { session: number }) {
  const d = useLoad(() => loadForm(session), [session]);
  if (d.error)
    return (
      <Page title="Check-in">
        <LoadError error={d.error} retry={d.reload} />
      </Page>
    );
  if (d.data === undefined)
    return (
      <Page title="Check-in">
        <Loading what="the check-in" />
      </Page>
    );
  if (d.data === null)
    return (
      <Page title="Check-in">
        <p>No instrument work to check in on yet, at home or in clinic.</p>
        <p>
          To note soreness or skin on one area, use the{' '}
          <a href="/journal?kind=reaction" onClick={linkClick}>
            Journal page
          </a>
          .
        </p>
      </Page>
    );
  return <CheckinFormView form={d.data} />;
}

function CheckinFormView({ form }: { form: CheckinForm }) {
  const [areas, setAreas] = useState<CheckinArea[]>(form.areas);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<CheckinSaved | null>(null);

  const change = (i: number, patch: Partial<CheckinArea>) =>
    setAreas(areas.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const submit = async (run: CheckinRun) => {
    setBusy(true);
    setErrors({});
    try {
      // After clinic work only there is no session to name: the latest instrument work is what the form showed.
      setSaved(await (form.session_id > 0 ? api.checkIn(form.session_id, run) : api.checkInLatest(run)));
      requestAnimationFrame(() => document.getElementById('page-title')?.focus());
    } catch (e) {
      setErrors(errorsFrom(e));
    } finally {
      setBusy(false);
    }
  };

  if (saved)
    return (
      <Page title="Check-in saved">
        <ul class="checkin-saved" data-testid="checkin-saved">
          {saved.saved.map((a) => (
            <li key={areaKey(a)}>
              {a.region_name}, {sideWord(a.side)}: {a.settled ? 'settled' : 'not yet settled'} (soreness {a.soreness}/10
              {a.redness ? ', redness' : ''}
              {a.red_dots ? ', red dots' : ''}
              {a.bruising ? ', bruising' : ''})
            </li>
          ))}
        </ul>
        {saved.early ? (
          <p class="notice" data-testid="checkin-early">
            This check-in is from before {longDate(saved.counts_from)}, so the next session on these areas still waits. Check in
            again from {longDate(saved.counts_from)} on.
          </p>
        ) : saved.not_settled.length ? (
          <p class="notice">Areas that have not settled wait. Check in again once they have.</p>
        ) : (
          <p>Every area is settled: the next session on them can go ahead as planned.</p>
        )}
        <div class="actions">
          <button type="button" class="primary" onClick={() => navigate('/')}>
            Back to today
          </button>
        </div>
      </Page>
    );

  return (
    <Page title="How did the skin and soreness settle?">
      <p>
        After the {form.session_id > 0 ? 'session' : 'instrument work in clinic'} on {longDate(form.session_date)}. A check-in from <strong>{longDate(form.counts_from)}</strong> on lets the next
        session on these areas go ahead; an earlier one is kept but does not.
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary big"
          disabled={busy}
          data-testid="all-clear"
          onClick={() => void submit({ soreness: 0 })}
        >
          All clear: no redness, no soreness
        </button>
      </div>
      <p>Or adjust the areas that are not settled, then save:</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit({
            areas: areas.map((a) => ({
              region: a.region,
              side: a.side,
              redness: a.redness,
              red_dots: a.red_dots,
              bruising: a.bruising,
              soreness: a.soreness,
            })),
          });
        }}
      >
        {areas.map((a, i) => (
          <fieldset key={areaKey(a)} class="checkin-area" data-region={a.region} data-side={a.side}>
            <legend>
              {a.region_name}, {sideWord(a.side)}
            </legend>
            <div class="checks">
              <label class="check">
                <input type="checkbox" checked={a.redness} onChange={(e) => change(i, { redness: e.currentTarget.checked })} />
                <span>Still red</span>
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={a.red_dots}
                  onChange={(e) => change(i, { red_dots: e.currentTarget.checked })}
                />
                <span>Red dots or bumps</span>
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={a.bruising}
                  onChange={(e) => change(i, { bruising: e.currentTarget.checked })}
                />
                <span>Bruising</span>
              </label>
            </div>
            <div class="field">
              <label for={`sore-${i}`}>Soreness now, 0 to 10</label>
              <NrsSelect id={`sore-${i}`} value={String(a.soreness)} onChange={(v) => change(i, { soreness: Number(v) })} />
            </div>
          </fieldset>
        ))}
        <OtherErrors errors={errors} shown={[]} />
        <div class="actions">
          <button type="submit" class="big" disabled={busy}>
            {busy ? 'Saving…' : 'Save this check-in'}
          </button>
          <a href="/" onClick={linkClick}>
            Not now
          </a>
        </div>
      </form>
    </Page>
  );
}
