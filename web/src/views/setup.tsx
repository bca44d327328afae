// First run and "My details": the areas to work on (chosen on the body map,
// with side and pain), tools owned, days available and minutes per session.
// Saved with PUT /api/v1/profile; on first run, screening comes next.
import { NrsSelect } from '../components/nrs-select';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../app-context';
import { BodyMap, notForSelfTreatment, type PickSide } from '../components/bodymap';
import { navigate } from '../router';
import type { HomeProgram, Kit, Profile, ProfileInput, Region, Side, Tool } from '../types';
import { weekdaysText } from '../components/program';
import {
  errorsFrom,
  FieldError,
  LoadError,
  Loading,
  OtherErrors,
  Page,
  unlessMissing,
  useLoad,
  weekdayNames,
  type FieldErrors,
} from '../util';

export interface Target {
  region: string;
  side: Side;
  pain: number | null;
}

/** Turns a click on one side of a region into the new list of targets. */
export function toggleTarget(list: Target[], region: Region, side: PickSide): Target[] {
  const i = list.findIndex((t) => t.region === region.id);
  if (region.laterality === 'midline') {
    if (i >= 0) return list.filter((_, k) => k !== i);
    return [...list, { region: region.id, side: 'midline', pain: null }];
  }
  if (i < 0) return [...list, { region: region.id, side: side === 'midline' ? 'both' : side, pain: null }];
  const cur = list[i];
  const sides = new Set<string>(cur.side === 'both' ? ['left', 'right'] : [cur.side]);
  if (sides.has(side)) sides.delete(side);
  else sides.add(side);
  if (sides.size === 0) return list.filter((_, k) => k !== i);
  const next: Side = sides.size === 2 ? 'both' : (Array.from(sides)[0] as Side);
  return list.map((t, k) => (k === i ? { ...t, side: next } : t));
}

export function targetCovers(t: Target | undefined, side: PickSide): boolean {
  if (!t) return false;
  if (t.side === 'both') return side === 'left' || side === 'right';
  return t.side === side;
}

interface Kb {
  regions: Region[];
  tools: Tool[];
  kits: Kit[];
  profile: Profile | null;
  /** The home program a practitioner assigned that is in force, if any: it sets the areas and days while followed. */
  program: HomeProgram | null;
}

async function loadKb(): Promise<Kb> {
  const [regions, tools, kits, profile, programs] = await Promise.all([
    api.regions(),
    api.tools(),
    api.kits(),
    unlessMissing(api.profile()),
    api.ownPrograms(),
  ]);
  const program = programs.programs.find((e) => e.in_force)?.current ?? null;
  return { regions, tools, kits, profile, program };
}

export function SetupView({ firstRun = false }: { firstRun?: boolean }) {
  const kb = useLoad(loadKb);
  return (
    <Page title={firstRun ? 'Welcome: tell us about you' : 'My details'} wide>
      {firstRun ? (
        <div class="intro">
          <p>
            fascia helps you plan and guide gentle self-treatment of tight or sore muscles with a scraping tool, a
            roller or ball, or your hands. Your safety answers are saved; now tell it where it hurts, what you have
            and when you have time.
          </p>
          <p class="disclaimer-inline">This is self-care information, not a diagnosis.</p>
        </div>
      ) : null}
      {kb.error ? <LoadError error={kb.error} retry={kb.reload} /> : null}
      {kb.loading && !kb.data ? <Loading what="the form" /> : null}
      {kb.data?.program ? (
        <p class="notice" data-testid="setup-program">
          <strong>
            {kb.data.program.practitioner} ({kb.data.program.clinic}) assigned you a home program.
          </strong>{' '}
          While you follow it, it sets the areas worked and the days ({weekdaysText(kb.data.program.weekdays)}); your tools
          and minutes here still count, and so do your safety answers. The areas and days you choose here are for your own
          plan.
        </p>
      ) : null}
      {kb.data ? <ProfileForm kb={kb.data} firstRun={firstRun} /> : null}
    </Page>
  );
}

function ProfileForm({ kb, firstRun }: { kb: Kb; firstRun: boolean }) {
  const app = useApp();
  const p = kb.profile;
  const [name, setName] = useState(p?.name ?? '');
  const [targets, setTargets] = useState<Target[]>(p ? p.regions.map((t) => ({ ...t })) : []);
  const [tools, setTools] = useState<string[]>(p?.tools ?? []);
  const [weekdays, setWeekdays] = useState<number[]>(p?.weekdays ?? []);
  const [minutes, setMinutes] = useState(String(p?.minutes_per_session ?? 20));
  const [weeks, setWeeks] = useState(String(p?.weeks ?? 6));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [addId, setAddId] = useState('');

  const byId = new Map(kb.regions.map((r) => [r.id, r]));

  // A change clears the old messages; the next save checks again.
  useEffect(() => {
    setSaved(false);
    setErrors({});
  }, [name, targets, tools, weekdays, minutes, weeks]);

  const pick = (region: Region, side: PickSide) => {
    if (region.region_class === 'practitioner-only') {
      setNotice(`${region.name}: not for self-treatment. ${region.note} Only a trained practitioner should work here.`);
      return;
    }
    setNotice(
      region.region_class === 'needs-medical-clearance'
        ? `${region.name}: not for self-treatment unless a doctor has said it is fine. ${region.note}`
        : '',
    );
    setTargets((list) => toggleTarget(list, region, side));
  };

  const addFromList = () => {
    const region = byId.get(addId);
    if (!region) return;
    if (targets.some((t) => t.region === addId)) return;
    if (region.region_class === 'practitioner-only') {
      setNotice(`${region.name}: not for self-treatment. ${region.note}`);
      return;
    }
    setTargets([...targets, { region: addId, side: region.laterality === 'midline' ? 'midline' : 'both', pain: null }]);
    setAddId('');
  };

  const toggleIn = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FieldErrors = {};
    if (targets.length === 0) local.regions = 'Choose at least one area on the body map or from the list.';
    targets.forEach((t, i) => {
      if (t.pain === null) local[`regions[${i}].pain`] = 'Choose how much it hurts now, 0 to 10.';
    });
    if (tools.length === 0) local.tools = 'Choose at least one: "No equipment yet" is fine.';
    if (weekdays.length === 0) local.weekdays = 'Choose at least one day.';
    const mins = Number(minutes);
    if (!Number.isInteger(mins) || mins < 1) local.minutes_per_session = 'Enter a whole number of minutes.';
    const wk = Number(weeks);
    if (!Number.isInteger(wk) || wk < 1) local.weeks = 'Enter a whole number of weeks.';
    setErrors(local);
    if (Object.keys(local).length) {
      focusFirstError();
      return;
    }
    const profile: ProfileInput = {
      name: name.trim(),
      regions: targets.map((t) => ({ region: t.region, side: t.side, pain: t.pain as number })),
      tools,
      weekdays: [...weekdays].sort(),
      minutes_per_session: mins,
      weeks: wk,
    };
    if (kb.profile?.start) profile.start = kb.profile.start;
    setBusy(true);
    try {
      await api.saveProfile(profile);
      await app.refresh();
      setSaved(true);
      // The safety questions come before the details, so a first run ends at the plan.
      if (!app.me.has_screening) navigate('/screening');
      else if (firstRun) navigate('/plan');
    } catch (err) {
      setErrors(errorsFrom(err));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  const shown = [
    'name',
    'regions',
    'tools',
    'weekdays',
    'minutes_per_session',
    'weeks',
    ...targets.flatMap((_, i) => [`regions[${i}]`, `regions[${i}].pain`, `regions[${i}].side`, `regions[${i}].region`]),
  ];
  const addable = kb.regions.filter((r) => !targets.some((t) => t.region === r.id)).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <form onSubmit={submit} noValidate class="profile-form">
      <div class="field">
        <label for="p-name">Your first name (optional)</label>
        <input id="p-name" value={name} autocomplete="given-name" onInput={(e) => setName(e.currentTarget.value)} />
        <FieldError errors={errors} field="name" />
      </div>

      <fieldset class="areas">
        <legend>Where does it hurt or feel tight?</legend>
        <p class="hint">
          Tap a part of a figure to enlarge it, then tap each area and side; tap it again to remove it. Or choose
          from the list below. Striped areas are not for self-treatment.
        </p>
        <BodyMap
          regions={kb.regions}
          verb="Choose"
          isOn={(region, side) => targetCovers(targets.find((t) => t.region === region), side)}
          onPick={pick}
        />
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        <div class="add-area">
          <label for="add-area">Or add an area from the list</label>
          <div class="row">
            <select id="add-area" value={addId} onChange={(e) => setAddId(e.currentTarget.value)}>
              <option value="">Choose an area…</option>
              {addable.map((r) => (
                <option key={r.id} value={r.id} disabled={r.region_class === 'practitioner-only'}>
                  {r.name}
                  {notForSelfTreatment(r) ? ' (not for self-treatment)' : ''}
                </option>
              ))}
            </select>
            <button type="button" onClick={addFromList} disabled={!addId}>
              Add
            </button>
          </div>
        </div>
        <FieldError errors={errors} field="regions" />
        {targets.length ? (
          <ul class="targets">
            {targets.map((t, i) => {
              const region = byId.get(t.region);
              const rname = region?.name ?? t.region;
              return (
                <li key={t.region} class="target" data-region={t.region}>
                  <p class="target-name">
                    <strong>{rname}</strong>
                    {region && notForSelfTreatment(region) ? (
                      <span class="badge warn"> needs a doctor's go-ahead</span>
                    ) : null}
                  </p>
                  <div class="row wrap">
                    {region?.laterality === 'midline' ? (
                      <p class="muted">Middle of the body</p>
                    ) : (
                      <div class="field inline">
                        <label for={`side-${t.region}`}>Side</label>
                        <select
                          id={`side-${t.region}`}
                          value={t.side}
                          onChange={(e) => {
                            const side = e.currentTarget.value as Side;
                            setTargets(targets.map((x, k) => (k === i ? { ...x, side } : x)));
                          }}
                        >
                          <option value="left">Left</option>
                          <option value="right">Right</option>
                          <option value="both">Both</option>
                        </select>
                      </div>
                    )}
                    <div class="field inline">
                      <label for={`pain-${t.region}`}>Pain now (0 none – 10 worst)</label>
                      <NrsSelect
                        id={`pain-${t.region}`}
                        choose
                        value={t.pain === null ? '' : String(t.pain)}
                        invalid={Boolean(errors[`regions[${i}].pain`])}
                        onChange={(v) => setTargets(targets.map((x, k) => (k === i ? { ...x, pain: v === '' ? null : Number(v) } : x)))}
                      />
                    </div>
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => setTargets(targets.filter((_, k) => k !== i))}
                      aria-label={`Remove ${rname}`}
                    >
                      Remove
                    </button>
                  </div>
                  <FieldError errors={errors} field={`regions[${i}].pain`} />
                  <FieldError errors={errors} field={`regions[${i}].side`} />
                  <FieldError errors={errors} field={`regions[${i}].region`} />
                  <FieldError errors={errors} field={`regions[${i}]`} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="muted">No areas chosen yet.</p>
        )}
      </fieldset>

      <fieldset>
        <legend>What do you have to work with?</legend>
        <p class="hint">A kit counts as all the tools in it.</p>
        <div class="checks">
          {kb.kits.map((k) => (
            <label key={k.id} class="check">
              <input
                type="checkbox"
                name="tools"
                value={k.id}
                checked={tools.includes(k.id)}
                onChange={() => setTools(toggleIn(tools, k.id))}
              />
              <span>
                {k.name}
                {k.note ? <span class="muted small"> — {k.note}</span> : null}
              </span>
            </label>
          ))}
        </div>
        <details>
          <summary>Single tools</summary>
          <div class="checks">
            {kb.tools.map((t) => (
              <label key={t.id} class="check">
                <input
                  type="checkbox"
                  name="tools"
                  value={t.id}
                  checked={tools.includes(t.id)}
                  onChange={() => setTools(toggleIn(tools, t.id))}
                />
                <span>{t.name}</span>
              </label>
            ))}
          </div>
        </details>
        <FieldError errors={errors} field="tools" />
      </fieldset>

      <fieldset>
        <legend>Which days could you do a session?</legend>
        <div class="checks days">
          {weekdayNames.map((d, i) => (
            <label key={d} class="check">
              <input
                type="checkbox"
                name="weekdays"
                value={String(i)}
                checked={weekdays.includes(i)}
                onChange={() => setWeekdays(toggleIn(weekdays, i))}
              />
              <span>{d}</span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} field="weekdays" />
      </fieldset>

      <div class="row wrap">
        <div class="field">
          <label for="p-minutes">Minutes per session</label>
          <input
            id="p-minutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={90}
            value={minutes}
            onInput={(e) => setMinutes(e.currentTarget.value)}
          />
          <FieldError errors={errors} field="minutes_per_session" />
        </div>
        <div class="field">
          <label for="p-weeks">Program length in weeks</label>
          <input
            id="p-weeks"
            type="number"
            inputMode="numeric"
            min={1}
            max={12}
            value={weeks}
            onInput={(e) => setWeeks(e.currentTarget.value)}
          />
          <FieldError errors={errors} field="weeks" />
        </div>
      </div>

      <OtherErrors errors={errors} shown={shown} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : firstRun ? 'Save and see my plan' : 'Save my details'}
        </button>
        {saved && !firstRun ? (
          <p role="status" class="ok">
            Saved. Your plan now follows these details.
          </p>
        ) : null}
      </div>
    </form>
  );
}

function focusFirstError() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"], .field-error');
    el?.scrollIntoView({ block: 'center' });
    if (el && el.matches('input,select,textarea')) el.focus();
  });
}
