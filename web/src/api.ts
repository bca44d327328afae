// Same-origin JSON calls to /api/v1. Every failure becomes an ApiError that
// carries the server's message (its number ranges in words) and the
// offending field; a 401 anywhere tells the app to show the log-in page.
import type {
  AccessEntry,
  Account,
  CareLink,
  InvitationPreview,
  SignupAnswer,
  SignupInput,
  AttentionList,
  ClientProgress,
  ClientView,
  ClinicView,
  Invitation,
  InvitationStatus,
  Sharing,
  VisitNote,
  VisitNoteAmendmentInput,
  VisitNoteInput,
  VisitNoteList,
  HomeProgramInput,
  HomeProgramList,
  HomeProgramReply,
  ProgramCards,
  ClearanceEntry,
  ClientClearanceInput,
  RecordedClinicTreatment,
  ClinicTreatmentInput,
  Caps,
  ApiErrorBody,
  CheckinForm,
  CheckinRun,
  CheckinSaved,
  Clearance,
  Habit,
  Journal,
  Kit,
  Me,
  PainLocation,
  Plan,
  Profile,
  ProfileInput,
  Progress,
  Protocol,
  Question,
  Referral,
  Region,
  ScreeningRecord,
  Session,
  SessionResult,
  SessionRun,
  Source,
  StopOutcome,
  StopSign,
  Technique,
  TodayView,
  Tool,
  TreatmentModality,
  Answer,
  FinderAnswer,
  ListingInput,
  OwnListing,
  OwnListingAnswer,
} from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** When several fields were wrong at once: each with its own message. */
    readonly problems?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

/**
 * A server message with its number ranges in plain words: "minutes 300 is
 * outside 1..240" becomes "minutes 300 is not allowed; enter a number from 1
 * to 240". Every message of an ApiError from the server (its own and each of
 * its problems') passes through here, so no page shows "1..240".
 */
export function plainRanges(message: string): string {
  return message.replace(/ is outside (-?\d+)\.\.(-?\d+)/g, ' is not allowed; enter a number from $1 to $2');
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};
export function setUnauthorizedListener(listener: UnauthorizedListener): void {
  onUnauthorized = listener;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch('/api/v1' + path, init);
  } catch {
    throw new ApiError(0, 'network', 'Could not reach fascia. Check that it is still running, then try again.');
  }
  if (response.status === 204) return undefined as T;
  let data: unknown = null;
  const text = await response.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const err = (data as ApiErrorBody | null)?.error;
    if (response.status === 401 && path !== '/login') onUnauthorized();
    throw new ApiError(
      response.status,
      err?.code ?? 'http_' + response.status,
      plainRanges(err?.message ?? `The server answered ${response.status}.`),
      err?.field,
      err?.problems?.map((p) => ({ ...p, message: plainRanges(p.message) })),
    );
  }
  return data as T;
}

const kbCache = new Map<string, Promise<unknown>>();
/** GET /kb/{kind}, asked once per page load (a failed answer is asked again next time). */
function kbKind<T>(kind: string): Promise<T> {
  let p = kbCache.get(kind);
  if (!p) {
    p = call<T>('GET', '/kb/' + kind);
    p.catch(() => kbCache.delete(kind));
    kbCache.set(kind, p);
  }
  return p as Promise<T>;
}
function kb<T>(kind: string): Promise<T[]> {
  return kbKind<T[]>(kind);
}

export type JournalKind = 'pain' | 'reaction' | 'habit' | 'treatment' | 'note';

export const api = {
  me: () => call<Me>('GET', '/me'),
  login: (name: string, password: string) => call<{ name: string; person_id: number }>('POST', '/login', { name, password }),
  logout: () => call<void>('POST', '/logout'),
  /** Anyone: whose an open invitation code is, before making an account with it. */
  signUpLookUp: (code: string) => call<InvitationPreview>('POST', '/signup/look-up', { code }),
  /** Anyone: a person account made with an open invitation code, accepted with `share`; signs in. */
  signUp: (input: SignupInput) => call<SignupAnswer>('POST', '/signup', input),

  regions: () => kb<Region>('regions'),
  tools: () => kb<Tool>('tools'),
  kits: () => kb<Kit>('kits'),
  techniques: () => kb<Technique>('techniques'),
  protocols: () => kb<Protocol>('protocols'),
  questions: () => kb<Question>('questions'),
  stopSigns: () => kb<StopSign>('stop-signs'),
  habits: () => kb<Habit>('habits'),
  treatments: () => kb<TreatmentModality>('treatments'),
  locations: () => kb<PainLocation>('locations'),
  sources: () => kb<Source>('sources'),
  /** The safety caps by name (an object, not a list), cached like the lists. */
  caps: () => kbKind<Caps>('caps'),
  /** Any knowledge-base list by kind (GET /kb/{kind}), cached like the others. */
  kbList: <T>(kind: string) => kb<T>(kind),

  profile: () => call<Profile>('GET', '/profile'),
  saveProfile: (p: ProfileInput) => call<Profile>('PUT', '/profile', p),
  screening: () => call<ScreeningRecord>('GET', '/screening'),
  /** stopEarly: only when the answers given call for emergency or same-day help (else 400 naming a missing answer). */
  screen: (answers: Record<string, Answer>, stopEarly = false) =>
    call<Clearance>('POST', '/screening', stopEarly ? { answers, stop_early: true } : { answers }),
  referral: (locations: string[]) =>
    call<Referral>('GET', '/referral?locations=' + locations.map(encodeURIComponent).join(',')),
  plan: () => call<Plan>('GET', '/plan'),
  today: () => call<TodayView>('GET', '/today'),
  stopAdvice: (signs: string[]) => call<StopOutcome>('POST', '/stop-advice', { signs }),
  sessions: () => call<Session[]>('GET', '/sessions'),
  session: (id: number) => call<Session>('GET', '/sessions/' + id),
  runSession: (run: SessionRun) => call<SessionResult>('POST', '/sessions', run),
  checkinForm: (session: number) => call<CheckinForm>('GET', `/sessions/${session}/check-in`),
  checkIn: (session: number, run: CheckinRun) => call<CheckinSaved>('POST', `/sessions/${session}/check-in`, run),
  /** The form after the latest instrument work, at home or in clinic (404 when there is none). */
  latestCheckinForm: () => call<CheckinForm>('GET', '/check-in'),
  /** One check-in after the latest instrument work, at home or in clinic. */
  checkInLatest: (run: CheckinRun) => call<CheckinSaved>('POST', '/check-in', run),
  journal: () => call<Journal>('GET', '/journal'),
  log: (kind: JournalKind, entry: Record<string, unknown>) =>
    call<{ saved: string; settled?: boolean }>('POST', '/journal/' + kind, entry),
  progress: () => call<Progress>('GET', '/progress'),
  clearances: () => call<ClearanceEntry[]>('GET', '/clearances'),
  recordClearance: (c: { by: string; date?: string; regions?: { region: string; side?: string }[]; note?: string }) =>
    call<ClearanceEntry[]>('POST', '/clearances', c),

  // Practitioners and clinics (docs/API.md, "Practitioners and clinics").
  /** A practitioner's single-use code for a client; valid `days` (1-90, default 7). */
  invite: (days?: number) => call<Invitation>('POST', '/invitations', days === undefined ? {} : { days }),
  /** The caller's invitations, newest first, each with its state; never a code. */
  invitations: () => call<InvitationStatus[]>('GET', '/invitations'),
  /** Cancels an open invitation of the caller's: its code is refused from then on (409 naming its state otherwise). */
  cancelInvitation: (id: number) => call<InvitationStatus>('POST', `/invitations/${id}/cancel`),
  /** The caller's links to practitioners, live and revoked, oldest first. */
  links: () => call<CareLink[]>('GET', '/links'),
  acceptInvitation: (code: string, share: Sharing) => call<CareLink>('POST', '/links', { code, share }),
  /** Who and where a code is from, before accepting it; changes and logs nothing. 404 unknown, 409 not acceptable (why). */
  lookUpInvitation: (code: string) => call<InvitationPreview>('POST', '/links/look-up', { code }),
  /** Replaces what the link shares: a part left out is no longer shared. */
  shareLink: (id: number, share: Sharing) => call<CareLink>('PUT', `/links/${id}/share`, share),
  revokeLink: (id: number) => call<CareLink>('POST', `/links/${id}/revoke`),
  /** Every read or write of the caller's data by someone else, newest first. */
  accessLog: () => call<AccessEntry[]>('GET', '/access-log'),
  /** A practitioner's live links. */
  clients: () => call<CareLink[]>('GET', '/clients'),
  /** The monitoring list: clients by what needs attention (logged once per client per call). */
  attention: () => call<AttentionList>('GET', '/clients/attention'),
  client: (id: number) => call<ClientView>('GET', `/clients/${id}`),
  /** One client's progress page, if they share their journal (logged). */
  clientProgress: (id: number) => call<ClientProgress>('GET', `/clients/${id}/progress`),
  clientPart: (id: number, part: ClientPart) => call<ClientView>('GET', `/clients/${id}/${part}`),
  /** A linked practitioner clears the client's warning signs on the areas named (all when none); signed and logged by the server. */
  clearClient: (id: number, c: ClientClearanceInput) => call<ClearanceEntry[]>('POST', `/clients/${id}/clearances`, c),
  /**
   * A linked practitioner records what was done in clinic into the client's journal (logged in the client's
   * access log); the answer is the entry as stored, with the first day home work of its kind may resume there
   * (home_work_resumes). 400 names the field it refuses; 404 when no longer linked.
   */
  recordTreatment: (id: number, input: ClinicTreatmentInput) =>
    call<RecordedClinicTreatment>('POST', `/clients/${id}/treatments`, input),
  /** The caller's clinic's visit notes about a linked client, newest visit first (logged). */
  clientNotes: (id: number) => call<VisitNoteList>('GET', `/clients/${id}/notes`),
  writeNote: (id: number, note: VisitNoteInput) => call<VisitNote>('POST', `/clients/${id}/notes`, note),
  /** A new revision: the parts given replace the latest text; the earlier text is kept. */
  amendNote: (id: number, note: number, amendment: VisitNoteAmendmentInput) =>
    call<VisitNote>('POST', `/clients/${id}/notes/${note}/amendments`, amendment),
  /** Every visit note about the caller, of every clinic. */
  ownNotes: () => call<VisitNoteList>('GET', '/notes'),
  /** The caller's clinic's home programs for a linked client, newest first (logged in the client's access log). */
  clientPrograms: (id: number) => call<HomeProgramList>('GET', `/clients/${id}/programs`),
  /** Assigns a home program, version 1 (400 naming the field, the cap and its source when it breaks a home rule). */
  assignProgram: (id: number, input: HomeProgramInput) => call<HomeProgramReply>('POST', `/clients/${id}/programs`, input),
  /** A new version of the program; every earlier one is kept (409 once it has ended). */
  changeProgram: (id: number, program: number, input: HomeProgramInput) =>
    call<HomeProgramReply>('PUT', `/clients/${id}/programs/${program}`, input),
  /** Ends the program: the answer is the version that ended it (409 when already ended). */
  endProgram: (id: number, program: number) => call<HomeProgramReply>('POST', `/clients/${id}/programs/${program}/end`),
  /** The program's step cards, for a printed handout (logged). */
  clientProgramCards: (id: number, program: number) => call<ProgramCards>('GET', `/clients/${id}/programs/${program}/cards`),
  /** Every home program assigned to the caller, newest first, each with every version and what it changed. */
  ownPrograms: () => call<HomeProgramList>('GET', '/programs'),
  ownProgramCards: (program: number) => call<ProgramCards>('GET', `/programs/${program}/cards`),
  /** The person stops following the program; their own plan applies again. */
  endOwnProgram: (program: number) => call<HomeProgramReply>('POST', `/programs/${program}/end`),
  clinic: () => call<ClinicView>('GET', '/clinic'),
  addPractitioner: (name: string, password: string) => call<Account>('POST', '/clinic/practitioners', { name, password }),
  /** Signs the practitioner out, cancels their open invitations; their links open nothing until reactivated. */
  deactivatePractitioner: (personId: number) => call<Account>('POST', `/clinic/practitioners/${personId}/deactivate`),
  reactivatePractitioner: (personId: number) => call<Account>('POST', `/clinic/practitioners/${personId}/reactivate`),

  // The practitioner finder (issue 11, docs/FINDER.md).
  /** Any signed-in account: published practitioners near a place, or the place's choices or suggestions (400 naming the parameter). */
  finder: (query: FinderQuery) => call<FinderAnswer>('GET', '/finder?' + finderParams(query)),
  /** A practitioner's own listing, published or not; `listing` is null before one is written (403 for anyone else). */
  ownListing: () => call<OwnListingAnswer>('GET', '/listing'),
  /** Writes the practitioner's listing whole; publishing stays as it was (400 with every problem, each naming its field). */
  putListing: (body: ListingInput) => call<OwnListing>('PUT', '/listing', body),
  /** Shows the listing in searches, or takes it out of every search (404 before one is written). */
  publishListing: (published: boolean) => call<OwnListing>('POST', '/listing/publish', { published }),
};

/** A finder search: the place is required; the rest are left out of the query when not given. */
export interface FinderQuery {
  near: string;
  within?: number;
  modality?: string;
  need?: string;
}

/** The query string of a finder search (near, within, modality, need), each given at most once. */
export function finderParams(q: FinderQuery): string {
  const p = new URLSearchParams();
  p.set('near', q.near);
  if (q.within !== undefined) p.set('within', String(q.within));
  if (q.modality) p.set('modality', q.modality);
  if (q.need) p.set('need', q.need);
  return p.toString();
}

/** The parts of a client's data a link can share, each its own route. */
export type ClientPart = 'journal' | 'sessions' | 'screening';
