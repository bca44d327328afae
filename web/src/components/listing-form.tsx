// A practitioner's form for their finder listing (PUT /api/v1/listing): name,
// clinic, the treatments they give (knowledge-base treatments with a
// practitioner kind), the practitioner-only areas they treat, languages
// (comma-separated), where they practise (a town or city the server places
// offline, or latitude and longitude), town, postcode, contact and whether
// they take new clients. Every refusal of the server is shown next to the
// field it names (error.problems), a list's entry by its name.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { ListingInput, OwnListing, Region, TreatmentModality } from '../types';
import { errorsFrom, FieldError, OtherErrors, sentence, type FieldErrors } from '../util';

const KIND_WORDS: Record<NonNullable<TreatmentModality['practitioner_kind']>, string> = {
  medical: 'Medical',
  clinician: 'Clinicians who examine first',
  'manual-therapy': 'Manual therapy',
  massage: 'Massage',
};

interface Draft {
  name: string;
  clinic: string;
  modalities: string[];
  areas: string[];
  languages: string;
  placeBy: 'place' | 'position';
  place: string;
  latitude: string;
  longitude: string;
  town: string;
  postcode: string;
  contact: string;
  taking: boolean;
}

function draftOf(l: OwnListing | null): Draft {
  if (!l)
    return {
      name: '',
      clinic: '',
      modalities: [],
      areas: [],
      languages: '',
      placeBy: 'place',
      place: '',
      latitude: '',
      longitude: '',
      town: '',
      postcode: '',
      contact: '',
      taking: true,
    };
  // A listing already placed keeps its position until another place is typed.
  return {
    name: l.name,
    clinic: l.clinic,
    modalities: l.modalities.map((m) => m.id),
    areas: l.areas.map((a) => a.id),
    languages: l.languages.join(', '),
    placeBy: 'position',
    place: l.town,
    latitude: String(l.latitude),
    longitude: String(l.longitude),
    town: l.town,
    postcode: l.postcode,
    contact: l.contact,
    taking: l.taking_new_clients,
  };
}

const VERB = /^(is|are|must|has|needs?)\b/;

/** "is required" after its field's label ("The name is required."); any other message as a sentence of its own. */
function said(label: string, message: string): string {
  return sentence(VERB.test(message) ? `${label} ${message}` : message);
}

/** A list entry's message led by the entry: "English is too long.", "Gua sha: no such treatment …". */
function saidOf(entry: string, message: string): string {
  return sentence(VERB.test(message) ? `${entry} ${message}` : `${entry}: ${message}`);
}

const LABELS: Record<string, string> = {
  name: 'The name',
  clinic: 'The clinic',
  town: 'The town',
  postcode: 'The postcode',
  place: 'The town or city',
  latitude: 'The latitude',
  longitude: 'The longitude',
  contact: 'The contact',
  taking_new_clients: 'Taking new clients',
};

const SINGLE_FIELDS = ['name', 'clinic', 'town', 'postcode', 'place', 'latitude', 'longitude', 'contact', 'taking_new_clients'];
const LIST_FIELDS = ['modalities', 'areas', 'languages'];

/** The messages of a list's entries ("languages[1]"), each led by the entry's name; and the list's own. */
function listErrors(errors: FieldErrors, list: string, nameOf: (i: number) => string, label: string): string[] {
  const out: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    if (field === list) out.push(said(label, message));
    const m = new RegExp(`^${list}\\[(\\d+)\\]$`).exec(field);
    if (m) out.push(saidOf(nameOf(Number(m[1])), message));
  }
  return out;
}

function ListErrors({ messages, id }: { messages: string[]; id: string }) {
  if (!messages.length) return null;
  return (
    <div id={id} role="alert">
      {messages.map((m, i) => (
        <p key={i} class="field-error">
          {m}
        </p>
      ))}
    </div>
  );
}

/**
 * The form, filled from `listing` (empty when there is none yet). `saved`
 * receives the listing as stored; it keeps being published or not.
 * `published`: whether the listing is published now (its message after a
 * save is withdrawn when that changes).
 */
/** One checkbox per item (its id the value, its name the label), ticked when `chosen` holds its id. */
function Checks({
  class: className,
  list,
  items,
  chosen,
  toggle,
}: {
  class: string;
  list: 'modalities' | 'areas';
  items: { id: string; name: string }[];
  chosen: string[];
  toggle: (k: 'modalities' | 'areas', id: string, on: boolean) => void;
}) {
  return (
    <div class={className}>
      {items.map((item) => (
        <label key={item.id} class="check">
          <input
            type="checkbox"
            name={list}
            value={item.id}
            checked={chosen.includes(item.id)}
            onChange={(e) => toggle(list, item.id, e.currentTarget.checked)}
          />
          {item.name}
        </label>
      ))}
    </div>
  );
}

export function ListingForm({
  listing,
  published,
  treatments,
  areas,
  saved,
}: {
  listing: OwnListing | null;
  published: boolean;
  treatments: TreatmentModality[];
  areas: Region[];
  saved: (l: OwnListing) => void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(listing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState<ListingInput | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  useEffect(() => setDone(''), [published]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const toggle = (k: 'modalities' | 'areas', id: string, on: boolean) =>
    setD((x) => ({ ...x, [k]: on ? [...x[k].filter((i) => i !== id), id] : x[k].filter((i) => i !== id) }));

  const treatmentName = new Map(treatments.map((t) => [t.id, t.name]));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone('');
    const body: ListingInput = {
      name: d.name.trim(),
      clinic: d.clinic.trim(),
      // In the order of the list on screen, so that "modalities[1]" is the second one ticked.
      modalities: treatments.map((t) => t.id).filter((id) => d.modalities.includes(id)),
      areas: areas.map((a) => a.id).filter((id) => d.areas.includes(id)),
      languages: d.languages
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
      town: d.town.trim(),
      postcode: d.postcode.trim(),
      contact: d.contact.trim(),
      taking_new_clients: d.taking,
    };
    const local: FieldErrors = {};
    if (d.placeBy === 'place') body.place = d.place.trim();
    else {
      const lat = Number(d.latitude.trim());
      const lon = Number(d.longitude.trim());
      if (d.latitude.trim() === '' || !Number.isFinite(lat)) local.latitude = 'Enter the latitude in degrees, for example 37.9063.';
      if (d.longitude.trim() === '' || !Number.isFinite(lon)) local.longitude = 'Enter the longitude in degrees, for example -122.0650.';
      body.latitude = lat;
      body.longitude = lon;
    }
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setSent(body);
    try {
      const l = await api.putListing(body);
      setDone(
        l.published
          ? 'Saved. The change shows in searches now.'
          : 'Saved. It is not published: no one sees it until you publish it.',
      );
      saved(l);
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  };

  const sentAt = (list: 'modalities' | 'areas' | 'languages', i: number) => {
    const v = sent?.[list]?.[i] ?? '';
    return list === 'modalities' ? (treatmentName.get(v) ?? v) : list === 'areas' ? (areaName.get(v) ?? v) : v;
  };
  const modalityErrors = listErrors(errors, 'modalities', (i) => sentAt('modalities', i), 'Treatments');
  const areaErrors = listErrors(errors, 'areas', (i) => sentAt('areas', i), 'Areas');
  const languageErrors = listErrors(errors, 'languages', (i) => sentAt('languages', i), 'Languages');
  const shownErrors: FieldErrors = Object.fromEntries(
    Object.entries(errors).map(([f, m]) => [f, SINGLE_FIELDS.includes(f) ? said(LABELS[f] ?? f, m) : m]),
  );
  const shown = Object.keys(errors).filter((f) => SINGLE_FIELDS.includes(f) || LIST_FIELDS.some((l) => f === l || f.startsWith(l + '[')));
  const kinds = Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[];
  const described = (field: string, hint?: string) =>
    [hint, errors[field] ? `listing-${field}-error` : ''].filter((x) => x).join(' ') || undefined;

  return (
    <form class="listing-form" onSubmit={submit} noValidate>
      <div class="field">
        <label for="listing-name">Name people see</label>
        <input
          id="listing-name"
          value={d.name}
          onInput={(e) => set('name', e.currentTarget.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={described('name', 'listing-name-hint')}
        />
        <p class="hint" id="listing-name-hint">
          Your name as clients know it, with your title if you use one, for example Pat Doe, PT.
        </p>
        <FieldError errors={shownErrors} field="name" id="listing-name-error" />
      </div>
      <div class="field">
        <label for="listing-clinic">Clinic (if any)</label>
        <input
          id="listing-clinic"
          value={d.clinic}
          onInput={(e) => set('clinic', e.currentTarget.value)}
          aria-invalid={errors.clinic ? true : undefined}
          aria-describedby={described('clinic')}
        />
        <FieldError errors={shownErrors} field="clinic" id="listing-clinic-error" />
      </div>

      <fieldset aria-describedby={modalityErrors.length ? 'listing-modalities-error' : undefined} data-testid="listing-modalities">
        <legend>Treatments you give</legend>
        <p class="hint">Tick at least one. People can search by each of them.</p>
        {kinds.map((kind) => {
          const of = treatments.filter((t) => t.practitioner_kind === kind);
          if (!of.length) return null;
          return (
            <div key={kind} role="group" aria-labelledby={`listing-kind-${kind}`}>
              <p class="group-label" id={`listing-kind-${kind}`}>
                {KIND_WORDS[kind]}
              </p>
              <Checks class="checks cols" list="modalities" items={of} chosen={d.modalities} toggle={toggle} />
            </div>
          );
        })}
        <ListErrors messages={modalityErrors} id="listing-modalities-error" />
      </fieldset>

      <fieldset aria-describedby={areaErrors.length ? 'listing-areas-hint listing-areas-error' : 'listing-areas-hint'}>
        <legend>Areas only a practitioner should treat</legend>
        <p class="hint" id="listing-areas-hint">
          fascia never plans home work on these. Tick the ones you treat: people sent to a practitioner for them find you.
        </p>
        <Checks class="checks" list="areas" items={areas} chosen={d.areas} toggle={toggle} />
        <ListErrors messages={areaErrors} id="listing-areas-error" />
      </fieldset>

      <div class="field">
        <label for="listing-languages">Languages you work in</label>
        <input
          id="listing-languages"
          value={d.languages}
          onInput={(e) => set('languages', e.currentTarget.value)}
          aria-invalid={languageErrors.length ? true : undefined}
          aria-describedby={languageErrors.length ? 'listing-languages-hint listing-languages-error' : 'listing-languages-hint'}
        />
        <p class="hint" id="listing-languages-hint">
          Separated by commas, for example English, Spanish.
        </p>
        <ListErrors messages={languageErrors} id="listing-languages-error" />
      </div>

      <fieldset>
        <legend>Where you practise</legend>
        <div class="field">
          <label for="listing-place-by">Give it as</label>
          <select id="listing-place-by" value={d.placeBy} onChange={(e) => set('placeBy', e.currentTarget.value as Draft['placeBy'])}>
            <option value="place">A town or city</option>
            <option value="position">Latitude and longitude</option>
          </select>
        </div>
        {d.placeBy === 'place' ? (
          <div class="field">
            <label for="listing-place">Town or city</label>
            <input
              id="listing-place"
              value={d.place}
              onInput={(e) => set('place', e.currentTarget.value)}
              aria-invalid={errors.place ? true : undefined}
              aria-describedby={described('place', 'listing-place-hint')}
            />
            <p class="hint" id="listing-place-hint">
              Placed at its centre. Add the region and country code when several places share the name, for example
              Springfield, IL, US.
            </p>
            <FieldError errors={shownErrors} field="place" id="listing-place-error" />
          </div>
        ) : (
          <div class="row wrap">
            <div class="field">
              <label for="listing-latitude">Latitude</label>
              <input
                id="listing-latitude"
                inputMode="decimal"
                value={d.latitude}
                onInput={(e) => set('latitude', e.currentTarget.value)}
                aria-invalid={errors.latitude ? true : undefined}
                aria-describedby={described('latitude', 'listing-position-hint')}
              />
              <FieldError errors={shownErrors} field="latitude" id="listing-latitude-error" />
            </div>
            <div class="field">
              <label for="listing-longitude">Longitude</label>
              <input
                id="listing-longitude"
                inputMode="decimal"
                value={d.longitude}
                onInput={(e) => set('longitude', e.currentTarget.value)}
                aria-invalid={errors.longitude ? true : undefined}
                aria-describedby={described('longitude', 'listing-position-hint')}
              />
              <FieldError errors={shownErrors} field="longitude" id="listing-longitude-error" />
            </div>
            <p class="hint" id="listing-position-hint">
              In degrees, south and west below zero.
            </p>
          </div>
        )}
        <div class="row wrap">
          <div class="field">
            <label for="listing-town">Town shown</label>
            <input
              id="listing-town"
              value={d.town}
              onInput={(e) => set('town', e.currentTarget.value)}
              aria-invalid={errors.town ? true : undefined}
              aria-describedby={described('town', 'listing-town-hint')}
            />
            <p class="hint" id="listing-town-hint">
              Left empty: the town or city above.
            </p>
            <FieldError errors={shownErrors} field="town" id="listing-town-error" />
          </div>
          <div class="field">
            <label for="listing-postcode">Postcode (if you like)</label>
            <input
              id="listing-postcode"
              value={d.postcode}
              onInput={(e) => set('postcode', e.currentTarget.value)}
              aria-invalid={errors.postcode ? true : undefined}
              aria-describedby={described('postcode')}
            />
            <FieldError errors={shownErrors} field="postcode" id="listing-postcode-error" />
          </div>
        </div>
      </fieldset>

      <div class="field">
        <label for="listing-contact">How people reach you</label>
        <input
          id="listing-contact"
          value={d.contact}
          onInput={(e) => set('contact', e.currentTarget.value)}
          aria-invalid={errors.contact ? true : undefined}
          aria-describedby={described('contact', 'listing-contact-hint')}
        />
        <p class="hint" id="listing-contact-hint">
          A phone number, an e-mail address or a web address. Everyone who finds your listing sees it.
        </p>
        <FieldError errors={shownErrors} field="contact" id="listing-contact-error" />
      </div>
      <label class="check">
        <input type="checkbox" checked={d.taking} onChange={(e) => set('taking', e.currentTarget.checked)} />
        I am taking new clients
      </label>
      <FieldError errors={shownErrors} field="taking_new_clients" />

      <OtherErrors errors={errors} shown={shown} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save my listing'}
        </button>
      </div>
      {done ? (
        <p class="ok" role="status" data-testid="listing-saved">
          {done}
        </p>
      ) : null}
    </form>
  );
}

