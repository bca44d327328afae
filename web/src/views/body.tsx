// The body map page: tap an area and side to log today's pain there; choose
// where pain is felt (on the figure or from the list, ordered by name) to see
// which muscles often send pain there (ranked possibilities from the referral
// patterns, never a diagnosis).
import { NrsSelect } from '../components/nrs-select';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { SourceNote } from '../components/source-note';
import { useApp } from '../app-context';
import { BodyMap, notForSelfTreatment, type PickSide } from '../components/bodymap';
import { LocationMap } from '../components/locationmap';
import { linkClick } from '../router';
import type { PainLocation, Profile, Referral, Region, Side } from '../types';
import { errorsFrom, FieldError, LoadError, Loading, OtherErrors, Page, sideWord, unlessMissing, useLoad, type FieldErrors } from '../util';

interface Data {
  regions: Region[];
  locations: PainLocation[];
  profile: Profile | null;
}

async function load(): Promise<Data> {
  const [regions, locations, profile] = await Promise.all([api.regions(), api.locations(), unlessMissing(api.profile())]);
  return { regions, locations, profile };
}

export function BodyView() {
  const d = useLoad(load);
  return (
    <Page title="Body map" wide>
      {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
      {d.loading && !d.data ? <Loading what="the body map" /> : null}
      {d.data ? (
        <>
          <PainLogger data={d.data} />
          <ReferralFinder data={d.data} />
        </>
      ) : null}
    </Page>
  );
}

function PainLogger({ data }: { data: Data }) {
  const app = useApp();
  const byId = new Map(data.regions.map((r) => [r.id, r]));
  const mine = data.profile?.regions ?? [];
  const [region, setRegion] = useState<string>(mine[0]?.region ?? '');
  const [side, setSide] = useState<Side>(mine[0]?.side ?? 'both');
  const [score, setScore] = useState<string>('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const current = byId.get(region);

  const pick = (r: Region, s: PickSide) => {
    setRegion(r.id);
    setSide(s === 'midline' ? 'midline' : s);
    setSaved('');
    setErrors({});
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!region) local.region = 'Tap an area on the map or choose one from the list.';
    if (score === '') local.score = 'Choose a pain score from 0 to 10.';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await api.log('pain', { region, side, score: Number(score), date: app.me.today });
      setSaved(`Logged pain ${score}/10 for ${current?.name ?? region}, ${sideWord(side)}.`);
      setScore('');
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  };

  const inMine = (rid: string, s: PickSide) =>
    mine.some((t) => t.region === rid && (t.side === s || (t.side === 'both' && s !== 'midline')));

  return (
    <section aria-labelledby="log-pain-title">
      <h2 id="log-pain-title">Log pain</h2>
      <p class="hint">
        Your areas are filled in. Tap a part of a figure to enlarge it, then tap the area and side, or choose the
        area from the list below, to log how much it hurts today. To change which areas your plan
        works on, go to{' '}
        <a href="/setup" onClick={linkClick}>
          My details
        </a>
        .
      </p>
      <BodyMap
        regions={data.regions}
        verb="Log pain for"
        isOn={inMine}
        isCurrent={(rid, s) => rid === region && (side === s || (side === 'both' && s !== 'midline'))}
        onPick={pick}
      />
      <form onSubmit={submit} noValidate class="pain-form">
        <div class="row wrap">
          <div class="field">
            <label for="pain-region">Area</label>
            <select
              id="pain-region"
              value={region}
              onChange={(e) => {
                const r = byId.get(e.currentTarget.value);
                setRegion(e.currentTarget.value);
                if (r) setSide(r.laterality === 'midline' ? 'midline' : 'both');
              }}
            >
              <option value="">Choose an area…</option>
              {[...data.regions].sort((a, b) => a.name.localeCompare(b.name)).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <FieldError errors={errors} field="region" />
          </div>
          {current?.laterality !== 'midline' ? (
            <div class="field">
              <label for="pain-side">Side</label>
              <select id="pain-side" value={side} onChange={(e) => setSide(e.currentTarget.value as Side)}>
                <option value="left">Left</option>
                <option value="right">Right</option>
                <option value="both">Both</option>
              </select>
              <FieldError errors={errors} field="side" />
            </div>
          ) : null}
          <div class="field">
            <label for="pain-score">Pain today (0 none – 10 worst)</label>
            <NrsSelect id="pain-score" choose value={score} onChange={setScore} />
            <FieldError errors={errors} field="score" />
          </div>
        </div>
        {current && notForSelfTreatment(current) ? (
          <p class="notice">
            {current.name} is not for self-treatment. You can still log pain here to show a practitioner.
          </p>
        ) : null}
        <OtherErrors errors={errors} shown={['region', 'side', 'score']} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Log pain'}
        </button>
        {saved ? (
          <p class="ok" role="status">
            {saved}
          </p>
        ) : null}
      </form>
    </section>
  );
}

function ReferralFinder({ data }: { data: Data }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [answer, setAnswer] = useState<{ referral: Referral; asked: number } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const locName = new Map(data.locations.map((l) => [l.id, l.name]));
  const byName = [...data.locations].sort((a, b) => a.name.localeCompare(b.name));
  const toggle = (id: string) => {
    setChosen((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]));
    setErrors({});
  };

  const ask = async (e: Event) => {
    e.preventDefault();
    if (!chosen.length) {
      setErrors({ locations: 'Choose at least one place where you feel pain.' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      setAnswer({ referral: await api.referral(chosen), asked: chosen.length });
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="referral-title" class="referral">
      <h2 id="referral-title">Pain here often comes from there</h2>
      <p>
        Pain is not always where the problem is: tight spots in one muscle can send pain somewhere else. Choose where you
        feel it to see which muscles are common sources. These are possibilities to explore, not a diagnosis.
      </p>
      <LocationMap locations={data.locations} chosen={chosen} toggle={toggle} />
      <form onSubmit={ask} noValidate>
        <fieldset>
          <legend>Where do you feel the pain?</legend>
          <div class="checks cols">
            {byName.map((l) => (
              <label key={l.id} class="check">
                <input
                  type="checkbox"
                  name="locations"
                  value={l.id}
                  checked={chosen.includes(l.id)}
                  onChange={() => toggle(l.id)}
                />
                <span>{l.name}</span>
              </label>
            ))}
          </div>
          <FieldError errors={errors} field="locations" />
        </fieldset>
        <OtherErrors errors={errors} shown={['locations']} />
        <button type="submit" disabled={busy}>
          {busy ? 'Looking…' : 'Show possible sources'}
        </button>
      </form>
      {answer ? (
        <div aria-live="polite" data-testid="referral-answer">
          {answer.referral.warnings.map((w) => (
            <div class="blocked-notice" role="alert" key={w.rule} data-testid="referral-warning">
              <p>
                <strong>{w.text}</strong> <SourceNote id={w.source} prefix="(source: " />
              </p>
            </div>
          ))}
          <p class="notice">{capitalise(answer.referral.note)}.</p>
          {answer.referral.suggestions.length === 0 ? (
            <p>No common source is known for these places.</p>
          ) : (
            <>
            <p>Most likely first:</p>
            <ol class="suggestions">
              {answer.referral.suggestions.map((s) => (
                <li key={s.region}>
                  <strong>{s.region_name}</strong> may be involved: it can send pain to{' '}
                  {s.locations.map((l) => (locName.get(l) ?? l).toLowerCase()).join(', ')}
                  {answer.asked > 1 ? ` (${s.locations.length} of the ${answer.asked} places you chose)` : ''}.
                  {s.practitioner_only ? (
                    <span class="badge warn"> Not for self-treatment: a practitioner can check this area.</span>
                  ) : null}
                  {s.sources.map((id, i) => (
                    <SourceNote key={id} id={id} prefix={i === 0 ? ' (source: ' : ', '} suffix={i === s.sources.length - 1 ? ')' : ''} />
                  ))}
                </li>
              ))}
            </ol>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
