// A practitioner's listing in the finder (/listing, issue 11): where it
// stands (published or seen by no one) with the button that changes it
// (components/listing-publish.tsx), what people see, and the form that
// writes it (components/listing-form.tsx).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ListingDetails } from '../components/listing-details';
import { ListingForm } from '../components/listing-form';
import { ListingPublish } from '../components/listing-publish';
import type { OwnListing } from '../types';
import { LoadError, Loading, Page, useLoad } from '../util';

/** The practitioner's own listing page. */
export function ListingView() {
  const d = useLoad(async () => {
    const [own, treatments, regions] = await Promise.all([api.ownListing(), api.treatments(), api.regions()]);
    return {
      listing: own.listing,
      treatments: treatments.filter((t) => t.practitioner_kind !== null),
      areas: regions.filter((r) => r.region_class === 'practitioner-only'),
    };
  });
  // After a save or a change of publishing: the listing as the server stored it.
  const [changed, setChanged] = useState<OwnListing | null>(null);
  const listing = changed ?? d.data?.listing ?? null;
  return (
    <Page title="My listing">
      <p>
        Your listing in fascia's practitioner finder. People looking for a practitioner near a place see it among the
        results once you publish it, with why it fits what they need.
      </p>
      {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
      {d.loading && !d.data ? <Loading what="your listing" /> : null}
      {d.data ? (
        <>
          <section aria-labelledby="listing-now-title">
            <h2 id="listing-now-title">Your listing now</h2>
            {listing ? (
              <>
                <ListingPublish listing={listing} changed={setChanged} />
                <div class="listing-preview" data-testid="listing-preview">
                  <h3>{listing.name}</h3>
                  <ListingDetails listing={listing} />
                  <p class="small muted">
                    Placed at latitude {listing.latitude}, longitude {listing.longitude}.
                  </p>
                </div>
              </>
            ) : (
              <p data-testid="listing-none">
                You have no listing yet. Write it below; no one sees it until you publish it.
              </p>
            )}
          </section>
          <section aria-labelledby="listing-form-title">
            <h2 id="listing-form-title">{listing ? 'Change your listing' : 'Write your listing'}</h2>
            <ListingForm
              listing={d.data.listing}
              published={listing?.published ?? false}
              treatments={d.data.treatments} areas={d.data.areas} saved={setChanged} />
          </section>
        </>
      ) : null}
    </Page>
  );
}
