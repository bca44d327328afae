// A finder search's results (outcome "found"): how many answered within how
// far of which place, the need's words (NeedNotice), the map, and the ranked
// list, each practitioner with their number on the map, distance, listing
// and why they are listed; then where the place names come from.
import type { FinderResult } from '../types';
import { sentence } from '../util';
import { FinderMapLoader } from './finder-map-loader';
import { ListingDetails } from './listing-details';
import { NeedNotice } from './need-notice';

/** A distance in kilometres for a person: one decimal under 10 km ("4.6 km"), whole kilometres from there ("12 km"). */
export function distanceWords(km: number): string {
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

/**
 * The results of one search. `wider`: a search of the same with a larger
 * distance, offered when nothing answered (null when none is larger).
 */
export function FinderResults({ answer, wider }: { answer: FinderResult; wider: { km: number; search: () => void } | null }) {
  const shown = answer.results.length;
  const what = answer.modality ? ` who give ${answer.modality.name.toLowerCase()}` : '';
  return (
    <>
      {answer.need ? <NeedNotice need={answer.need} /> : null}
      {answer.place_note ? <p class="notice">{sentence(answer.place_note)}</p> : null}
      <p data-testid="finder-count">
        {answer.total === 0
          ? `No published practitioner${what} within ${answer.within_km} km of ${answer.place.label} fits this search.`
          : answer.total > shown
            ? `${answer.total} practitioners${what} within ${answer.within_km} km; here are the first ${shown}, best first.`
            : `${answer.total} practitioner${answer.total === 1 ? '' : 's'}${what} within ${answer.within_km} km, best first.`}
      </p>
      {answer.total === 0 && wider ? (
        <div class="actions">
          <button type="button" onClick={wider.search}>
            Search within {wider.km} km
          </button>
        </div>
      ) : null}
      <FinderMapLoader answer={answer} />
      {shown ? (
        <ol class="finder-results" data-testid="finder-results">
          {answer.results.map((r, i) => (
            <li key={r.listing.id} class="finder-result" data-testid="finder-result" data-listing={r.listing.id}>
              <h3>
                <span class="rank">
                  <span class="visually-hidden">Number </span>
                  {i + 1}
                </span>{' '}
                <span data-testid="listing-name">{r.listing.name}</span>
              </h3>
              <ListingDetails listing={r.listing} distance={distanceWords(r.distance_km)} />
              <p class="why-title">Why it is listed:</p>
              <ul class="why" data-testid="listing-why">
                {r.why.map((w, k) => (
                  <li key={k}>{sentence(w)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
      <p class="small muted" data-testid="finder-attribution">
        {answer.attribution}
      </p>
    </>
  );
}
