// The person's visit notes (issue 10, point 7): every note practitioners
// wrote about them, of every clinic they are or were linked to, newest visit
// first, with each amendment and the text it replaced. Reading them is the
// person's own and is not logged.
import { api } from '../api';
import { NoteCard } from '../components/visit-notes';
import { LoadError, Loading, Page, useLoad } from '../util';

export function NotesView() {
  const notes = useLoad(() => api.ownNotes());
  return (
    <Page title="Visit notes">
      <p>
        What your practitioners wrote about your visits. A note is never changed afterwards: a correction is shown with
        who made it, when and why, together with the earlier text.
      </p>
      {notes.error ? <LoadError error={notes.error} retry={notes.reload} /> : null}
      {notes.loading && !notes.data ? <Loading what="your visit notes" /> : null}
      {notes.data ? (
        notes.data.notes.length === 0 ? (
          <p class="muted" data-testid="no-notes">
            No practitioner has written a visit note about you.
          </p>
        ) : (
          notes.data.notes.map((n) => <NoteCard key={n.id} note={n} level={2} />)
        )
      ) : null}
    </Page>
  );
}
