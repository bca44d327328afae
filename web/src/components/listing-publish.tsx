// Publish or unpublish a practitioner's listing (POST /api/v1/listing/publish),
// with what each means said beside the button: a published listing shows in
// the searches near it; an unpublished one is seen by no one.
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { OwnListing } from '../types';
import { sentence, toApiError } from '../util';

/** Where the listing stands, and the one button that changes it; `changed` receives the listing as stored. */
export function ListingPublish({ listing, changed }: { listing: OwnListing; changed: (l: OwnListing) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const publish = async (published: boolean) => {
    setBusy(true);
    setError('');
    setDone('');
    try {
      const l = await api.publishListing(published);
      setDone(l.published ? 'Published. People who search near it can see it now.' : 'Unpublished. No one sees it now.');
      changed(l);
    } catch (e) {
      setError(sentence(toApiError(e).message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class={listing.published ? 'notice listing-state' : 'notice warn listing-state'}>
      <p data-testid="listing-state" data-published={String(listing.published)}>
        {listing.published ? (
          <>
            <strong>Published.</strong> People who search near it can see it. Unpublish it to take it out of every search
            at once.
          </>
        ) : (
          <>
            <strong>Not published.</strong> An unpublished listing is seen by no one. Publish it when it says what you
            want people to read.
          </>
        )}
      </p>
      <div class="actions">
        <button type="button" class={listing.published ? undefined : 'primary'} disabled={busy} onClick={() => void publish(!listing.published)}>
          {busy ? 'Saving…' : listing.published ? 'Unpublish my listing' : 'Publish my listing'}
        </button>
      </div>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p class="ok" role="status" data-testid="listing-published">
          {done}
        </p>
      ) : null}
    </div>
  );
}
