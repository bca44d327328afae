// What a practitioner's listing says, as the finder's results and the
// practitioner's own listing page show it: treatments, areas treated,
// languages, where, contact and whether they take new clients.
import type { PublicListing } from '../types';

/** A listing's contact as a link when it is a web address, an e-mail address or a phone number; else its text. */
function Contact({ text }: { text: string }) {
  const t = text.trim();
  if (/^https?:\/\/\S+$/i.test(t))
    return (
      <a href={t} rel="noopener noreferrer" target="_blank">
        {t}
      </a>
    );
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return <a href={'mailto:' + t}>{t}</a>;
  if (/^\+?[\d\s().-]{6,}$/.test(t) && t.replace(/\D/g, '').length >= 6) return <a href={'tel:' + t.replace(/[^\d+]/g, '')}>{t}</a>;
  return <>{t}</>;
}

/** The listing's facts as a description list; `distance` (already in words) is shown first when given. */
export function ListingDetails({ listing, distance }: { listing: PublicListing; distance?: string }) {
  const where = [listing.town, listing.postcode].filter((x) => x.trim() !== '').join(' ');
  return (
    <dl class="listing-facts">
      {distance !== undefined ? (
        <div>
          <dt>Distance</dt>
          <dd data-testid="listing-distance">{distance}</dd>
        </div>
      ) : null}
      {listing.clinic ? (
        <div>
          <dt>Clinic</dt>
          <dd>{listing.clinic}</dd>
        </div>
      ) : null}
      <div>
        <dt>Treatments</dt>
        <dd data-testid="listing-treatments">{listing.modalities.map((m) => m.name).join(', ')}</dd>
      </div>
      {listing.areas.length ? (
        <div>
          <dt>Areas treated</dt>
          <dd>{listing.areas.map((a) => a.name).join(', ')}</dd>
        </div>
      ) : null}
      {listing.languages.length ? (
        <div>
          <dt>Languages</dt>
          <dd>{listing.languages.join(', ')}</dd>
        </div>
      ) : null}
      {where ? (
        <div>
          <dt>Where</dt>
          <dd>{where}</dd>
        </div>
      ) : null}
      <div>
        <dt>Contact</dt>
        <dd>
          <Contact text={listing.contact} />
        </dd>
      </div>
      <div>
        <dt>New clients</dt>
        <dd data-testid="listing-new-clients">
          {listing.taking_new_clients ? 'Taking new clients' : 'Not taking new clients at present'}
        </dd>
      </div>
    </dl>
  );
}
