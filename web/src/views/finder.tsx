// Find a practitioner (/find, issue 11): the search form, and the server's
// answer for the search in the page's address (?near, within, modality,
// need): the results with a map, or the place's choices or suggestions. A
// link from "see a practitioner" names the need; the need's words show with
// the results (until then, one line says what the link was for). The last
// place found is kept on this device only (finder-place.ts) and fills the form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, finderParams, type ApiError } from '../api';
import { useApp } from '../app-context';
import { rememberedPlace, rememberPlace } from '../finder-place';
import { DISTANCES, FinderForm, type FinderSearch } from '../components/finder-form';
import { FinderResults } from '../components/finder-results';
import { NeedPending } from '../components/need-notice';
import { PlaceChoices } from '../components/place-choices';
import { navigate } from '../router';
import type { FinderAnswer } from '../types';
import { errorsFrom, LoadError, Page, toApiError, useLoad, type FieldErrors } from '../util';

const DEFAULT_WITHIN = 25;

/** The finder page for the search its address holds (an empty `near`: no search yet). */
export function FinderView({ need, near, within, modality }: { need: string; near: string; within: string; modality: string }) {
  const app = useApp();
  const treatments = useLoad(() => api.treatments());
  const km = Number(within);
  const withinKm = within !== '' && Number.isFinite(km) && km > 0 ? km : DEFAULT_WITHIN;
  const [answer, setAnswer] = useState<FinderAnswer | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failed, setFailed] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [again, setAgain] = useState(0);
  const asked = useRef(0);
  const focusAnswer = useRef(false);

  useEffect(() => {
    const n = ++asked.current;
    if (!near.trim()) {
      setAnswer(null);
      setBusy(false);
      return;
    }
    setBusy(true);
    api.finder({ near, within: withinKm, modality: modality || undefined, need: need || undefined }).then(
      (a) => {
        if (n !== asked.current) return; // a later search is on its way
        setAnswer(a);
        setErrors({});
        setFailed(null);
        setBusy(false);
        if (a.outcome === 'found') rememberPlace(app.me.person_id, a.place.label);
      },
      (e: unknown) => {
        if (n !== asked.current) return;
        const err = toApiError(e);
        setAnswer(null);
        setBusy(false);
        if (err.status === 400) {
          setErrors(errorsFrom(err));
          setFailed(null);
        } else {
          setErrors({});
          setFailed(err);
        }
      },
    );
  }, [near, withinKm, modality, need, again, app.me.person_id]);

  // A search the person asked for moves focus to its answer, which says what was found.
  useEffect(() => {
    if (busy || !focusAnswer.current) return;
    focusAnswer.current = false;
    document.getElementById(answer ? 'finder-answer-title' : 'finder-near')?.focus();
  }, [busy, answer]);

  const search = (s: FinderSearch) => {
    focusAnswer.current = true;
    const to = '/find?' + finderParams({ near: s.near, within: s.within, modality: s.modality || undefined, need: need || undefined });
    if (to === location.pathname + location.search) setAgain((t) => t + 1);
    else navigate(to);
  };
  // Read on every showing: a search made since (here or in another tab) is the one kept.
  const current: FinderSearch = { near: near || rememberedPlace(app.me.person_id), within: withinKm, modality };
  const larger = DISTANCES.find((d) => d > withinKm);

  return (
    <Page title="Find a practitioner">
      <p>
        Practitioners who chose to be listed, near a town or city you name. A listing says what they offer; it is not a
        recommendation, so ask about their training when you get in touch.
      </p>
      {need && !(answer?.outcome === 'found' && answer.need) ? <NeedPending /> : null}
      <FinderForm
        current={current}
        treatments={(treatments.data ?? []).filter((t) => t.practitioner_kind !== null)}
        errors={errors}
        busy={busy}
        search={search}
      />
      <p class="small muted" data-testid="place-kept">
        The last place you found practitioners near is kept in this browser, on this device only, to fill in the form
        next time. It is not sent anywhere else, and fascia's server does not keep your searches.
      </p>
      {treatments.error ? <LoadError error={treatments.error} retry={treatments.reload} /> : null}
      {failed ? <LoadError error={failed} retry={() => setAgain((t) => t + 1)} /> : null}
      {busy ? (
        <p class="muted" role="status">
          Searching…
        </p>
      ) : null}
      {answer && !busy ? (
        <section aria-labelledby="finder-answer-title" class="finder-answer">
          <h2 id="finder-answer-title" tabIndex={-1}>
            {answer.outcome === 'found'
              ? `Near ${answer.place.label}`
              : answer.outcome === 'ambiguous'
                ? 'Which place do you mean?'
                : 'That place was not found'}
          </h2>
          {answer.outcome === 'found' ? (
            <FinderResults
              answer={answer}
              wider={larger ? { km: larger, search: () => search({ near, within: larger, modality }) } : null}
            />
          ) : (
            <PlaceChoices lookup={answer} choose={(label) => search({ near: label, within: withinKm, modality })} />
          )}
        </section>
      ) : null}
    </Page>
  );
}
