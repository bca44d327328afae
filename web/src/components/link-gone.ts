// Told by any part of a client's page that the server no longer knows the
// link (404: the client revoked it): the page reads the client again, which
// fails too, and so shows only "not linked", none of what it showed before.
// Provided by views/clients.tsx (ClientPage); the default does nothing.
import { createContext } from 'preact';

export const LinkGone = createContext<() => void>(() => {});
