// Entry point: finds out who is logged in, then shows the view for the path.
// First run goes screening → profile; an emergency or urgent screening
// outcome replaces the home page with what to do, and the profile is not asked.
// A practitioner or a clinic administrator is not a self-treater: no first
// run, only their own pages (clients, or the clinic) and the library.
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, setUnauthorizedListener } from './api';
import { AppContext, type AppState } from './app-context';
import { linkClick, navigate, useRoute } from './router';
import { forgetNoteDrafts, forgetOthersNoteDrafts } from './note-drafts';
import { forgetSessionProgress } from './session-progress';
import type { Clearance, Me, Role } from './types';
import { isAlarm, LoadError, Loading, Page, toApiError, unlessMissing } from './util';
import { roleWords } from './care';
import type { ApiError } from './api';
import { LoginView } from './views/login';
import { SetupView } from './views/setup';
import { ScreeningView } from './views/screening';
import { AlarmScreen } from './views/alarm';
import { TodayPage } from './views/today';
import { PlanView } from './views/plan';
import { SessionView } from './views/session';
import { CheckinView } from './views/checkin';
import { BodyView } from './views/body';
import { JournalView } from './views/journal';
import { ProgressView } from './views/progress';
import { LibraryView } from './views/library';
import { SharingView } from './views/sharing';
import { ClientPage } from './views/client-page';
import { ClientsView } from './views/clients';
import { ClinicPage } from './views/clinic';
import { NotesView } from './views/notes';
import { ProgramView } from './views/program';
import { FinderView } from './views/finder';
import { ListingView } from './views/listing';
import { ProgramHandout } from './components/program-handout';
import { SAFETY_QUESTIONS } from './components/answer-again';

const NAV: [string, string][] = [
  ['/', 'Today'],
  ['/plan', 'Plan'],
  ['/program', 'Home program'],
  ['/body', 'Body map'],
  ['/journal', 'Journal'],
  ['/progress', 'Progress'],
  ['/find', 'Find a practitioner'],
  ['/library', 'Library'],
  ['/sharing', 'Sharing'],
  ['/notes', 'Visit notes'],
  // Always reachable: after a practitioner's clearance the latest answers may still need giving again.
  [SAFETY_QUESTIONS, 'Safety questions'],
  ['/setup', 'My details'],
];

const PRACTITIONER_NAV: [string, string][] = [
  ['/clients', 'Clients'],
  ['/listing', 'My listing'],
  ['/find', 'Find a practitioner'],
  ['/library', 'Library'],
];

const ADMIN_NAV: [string, string][] = [
  ['/clinic', 'Clinic'],
  ['/find', 'Find a practitioner'],
];

/** The first page of an account that is not a self-treater. */
const ROLE_HOME: Record<Role, string> = { person: '/', practitioner: '/clients', clinic_admin: '/clinic' };

// While screening says emergency or urgent, nothing leads to a plan; finding
// someone to see is second only to what to do now.
const ALARM_NAV: [string, string][] = [
  ['/', 'What to do now'],
  ['/find', 'Find a practitioner'],
  ['/journal', 'Journal'],
  ['/library', 'Library'],
  ['/sharing', 'Sharing'],
  ['/notes', 'Visit notes'],
  [SAFETY_QUESTIONS, 'Safety questions'],
];

function Nav({ path, items, onLogout }: { path: string; items: [string, string][]; onLogout: () => void }) {
  return (
    <nav aria-label="Main">
      <ul class="nav">
        {items.map(([href, label]) => {
          const at = href.split('?')[0]; // the safety questions' link carries ?again=1
          return (
            <li key={href}>
              <a
                href={href}
                onClick={linkClick}
                aria-current={path === at || (at !== '/' && path.startsWith(at + '/')) ? 'page' : undefined}
              >
                {label}
              </a>
            </li>
          );
        })}
        <li>
          <button type="button" class="link-button" onClick={onLogout}>
            Log out
          </button>
        </li>
      </ul>
    </nav>
  );
}

export function Disclaimer() {
  return (
    <p class="disclaimer">
      fascia gives self-care information. It is not a diagnosis and does not replace a doctor or therapist. If
      something feels wrong, stop and get checked.
    </p>
  );
}

function App() {
  const route = useRoute();
  const [me, setMe] = useState<Me | null>(null);
  const [clearance, setClearance] = useState<Clearance | null>(null);
  const [needLogin, setNeedLogin] = useState(false);
  // Signed out while using the app (the session ended or expired, or a clinic
  // administrator deactivated the account): the log-in page says so, rather
  // than appearing without a word.
  const [signedOut, setSignedOut] = useState(false);
  const meRef = useRef<Me | null>(null);
  meRef.current = me;
  const [bootError, setBootError] = useState<ApiError | null>(null);

  const refresh = useCallback(async () => {
    try {
      const m = await api.me();
      const c = m.has_screening ? ((await unlessMissing(api.screening()))?.clearance ?? null) : null;
      forgetSessionProgress(m.today); // steps kept from an earlier day are of no use now
      forgetOthersNoteDrafts(m.person_id); // another practitioner's unsaved note left after a sign-out
      setMe(m);
      setClearance(c);
      setNeedLogin(false);
      setBootError(null);
    } catch (e) {
      const err = toApiError(e);
      if (err.status === 401) setNeedLogin(true);
      else setBootError(err);
    }
  }, []);

  useEffect(() => {
    setUnauthorizedListener(() => {
      if (meRef.current) setSignedOut(true);
      setNeedLogin(true);
    });
    void refresh();
  }, [refresh]);

  const path = route.path;

  // First run: the safety questions before anything else (an emergency or
  // urgent answer must not wait behind a form), then the profile. An
  // emergency or urgent outcome never leads on to the profile.
  // Other roles have no first run: their home page instead of today.
  useEffect(() => {
    if (!me || needLogin) return;
    if (me.role !== 'person') {
      if (path === '/' || path === '/signin') navigate(ROLE_HOME[me.role], true);
      return;
    }
    // What a practitioner assigned may be read before the first run is done
    // (the page says it is not followed until then); nothing is done from it.
    // Finding a practitioner needs no first run either.
    if (
      path === '/library' ||
      path === '/sharing' ||
      path === '/notes' ||
      path === '/program' ||
      path.startsWith('/program/') ||
      path === '/find'
    )
      return;
    if (!me.has_screening && path !== '/screening') navigate('/screening', true);
    else if (me.has_screening && !me.has_profile && !isAlarm(clearance?.level) && path !== '/setup' && path !== '/screening')
      navigate('/setup', true);
  }, [me, clearance, needLogin, path]);

  // Moves focus to the page heading on navigation, for screen readers and keyboards.
  useEffect(() => {
    const h = document.getElementById('page-title');
    if (h && document.activeElement === document.body) h.focus({ preventScroll: true });
  }, [path]);

  if (needLogin)
    return (
      <Shell>
        <LoginView
          signedOut={signedOut}
          inviteCode={path === '/sharing' ? (route.query.get('code') ?? '') : ''}
          onLoggedIn={async () => {
            setSignedOut(false);
            await refresh();
            if (path === '/signin') navigate('/', true);
          }}
          onSignedUp={async () => {
            setSignedOut(false);
            forgetNoteDrafts(); // nothing of whoever used this browser before
            // The code is used: the sharing page shows the new link, and says what comes next.
            navigate('/sharing?welcome=1', true);
            await refresh();
          }}
        />
      </Shell>
    );
  if (bootError)
    return (
      <Shell>
        <LoadError error={bootError} retry={() => void refresh()} />
      </Shell>
    );
  if (!me)
    return (
      <Shell>
        <Loading />
      </Shell>
    );

  const state: AppState = { me, clearance, refresh, setClearance };
  const logout = async () => {
    try {
      await api.logout();
    } finally {
      forgetSessionProgress();
      forgetNoteDrafts();
      setMe(null);
      setClearance(null);
      setSignedOut(false);
      setNeedLogin(true);
      navigate('/signin');
    }
  };

  if (me.role !== 'person')
    return (
      <AppContext.Provider value={state}>
        <Shell
          nav={<Nav path={path} items={me.role === 'practitioner' ? PRACTITIONER_NAV : ADMIN_NAV} onLogout={() => void logout()} />}
          who={me.name}
          role={me.role}
        >
          <RoleView role={me.role} path={path} query={route.query} />
        </Shell>
      </AppContext.Provider>
    );

  const alarm = isAlarm(clearance?.level);
  let view;
  let showNav = true;
  if (path === '/library') view = <LibraryView />;
  else if (path === '/sharing')
    view = <SharingView code={route.query.get('code') ?? ''} welcome={route.query.get('welcome') === '1' ? me : null} />;
  else if (path === '/notes') view = <NotesView />;
  // Reachable at every stage, and in the alarm state too: people sent to a doctor or practitioner need it most.
  else if (path === '/find') view = <FinderPage query={route.query} />;
  // What a practitioner assigned, readable before the first run is done (it
  // says it is not followed until then); nothing is done from these pages.
  else if (path === '/program' && (!me.has_screening || !me.has_profile)) view = <ProgramView />;
  else if (/^\/program\/\d+\/print$/.test(path) && (!me.has_screening || !me.has_profile)) {
    const program = Number(path.split('/')[2]);
    view = <ProgramHandout key={program} load={() => api.ownProgramCards(program)} back="/program" backName="your home program" />;
  } else if (!me.has_screening || (path === '/screening' && (!alarm || route.query.get('again')))) {
    view = <ScreeningView key={route.query.get('again') ?? ''} firstRun={!me.has_screening} />;
    showNav = me.has_screening && me.has_profile;
  } else if (
    alarm &&
    (path === '/' ||
      path === '/signin' ||
      path === '/setup' ||
      (path === '/session' && !me.has_profile) ||
      (path === '/screening' && !route.query.get('again')))
  ) {
    return (
      <AppContext.Provider value={state}>
        <AlarmScreen clearance={clearance!} />
      </AppContext.Provider>
    );
  } else if (!me.has_profile && !alarm) {
    view = <SetupView firstRun />;
    showNav = false;
  } else {
    switch (path) {
      case '/':
      case '/signin':
        view = <TodayPage />;
        break;
      case '/setup':
        view = <SetupView />;
        break;
      case '/plan':
        view = <PlanView />;
        break;
      case '/session':
        view = <SessionView protocol={route.query.get('protocol') ?? ''} />;
        showNav = false;
        break;
      case '/check-in':
        view = <CheckinView session={Number(route.query.get('session') ?? '0')} />;
        break;
      case '/body':
        view = <BodyView />;
        break;
      case '/journal':
        view = <JournalView kind={route.query.get('kind') ?? ''} />;
        break;
      case '/progress':
        view = <ProgressView />;
        break;
      case '/program':
        view = <ProgramView />;
        break;
      default: {
        const printed = /^\/program\/(\d+)\/print$/.exec(path);
        if (printed) {
          const program = Number(printed[1]);
          view = (
            <ProgramHandout key={program} load={() => api.ownProgramCards(program)} back="/program" backName="your home program" />
          );
        } else view = <NotFound home="/" homeName="today" />;
      }
    }
  }
  return (
    <AppContext.Provider value={state}>
      <Shell nav={showNav ? <Nav path={path} items={alarm ? ALARM_NAV : NAV} onLogout={() => void logout()} /> : null} who={me.name}>
        {view}
      </Shell>
    </AppContext.Provider>
  );
}

/** The finder for the search in the address (/find?near=…&within=…&modality=…&need=…). */
function FinderPage({ query }: { query: URLSearchParams }) {
  return (
    <FinderView
      need={query.get('need') ?? ''}
      near={query.get('near') ?? ''}
      within={query.get('within') ?? ''}
      modality={query.get('modality') ?? ''}
    />
  );
}

function NotFound({ home, homeName }: { home: string; homeName: string }) {
  return (
    <section class="page">
      <h1 id="page-title" tabIndex={-1}>
        Page not found
      </h1>
      <p>
        There is nothing at this address.{' '}
        <a href={home} onClick={linkClick}>
          Go to {homeName}
        </a>
        .
      </p>
    </section>
  );
}

/** The pages of a practitioner or a clinic administrator. */
function RoleView({ role, path, query }: { role: Exclude<Role, 'person'>; path: string; query: URLSearchParams }) {
  if (path === '/library') return <LibraryView />;
  if (path === '/find') return <FinderPage query={query} />;
  if (path === '/' || path === '/signin') return <Loading />; // on the way to ROLE_HOME
  if (path === '/sharing')
    return (
      <Page title="Sharing">
        <p>
          An invitation is accepted by the client, from their own account. You are logged in as a {roleWords[role]}: log
          out, then log in as the client to accept it.
        </p>
      </Page>
    );
  if (role === 'practitioner') {
    if (path === '/clients') return <ClientsView />;
    if (path === '/listing') return <ListingView />;
    const m = /^\/clients\/(\d+)$/.exec(path);
    if (m) return <ClientPage key={m[1]} id={Number(m[1])} />;
    const printed = /^\/clients\/(\d+)\/programs\/(\d+)\/print$/.exec(path);
    if (printed) {
      const [client, program] = [Number(printed[1]), Number(printed[2])];
      return (
        <ProgramHandout
          key={path}
          load={() => api.clientProgramCards(client, program)}
          back={`/clients/${client}`}
          backName="the client"
        />
      );
    }
    return <NotFound home="/clients" homeName="your clients" />;
  }
  if (path === '/clinic') return <ClinicPage />;
  return <NotFound home="/clinic" homeName="the clinic" />;
}

function Shell({
  children,
  nav,
  who,
  role,
}: {
  children: preact.ComponentChildren;
  nav?: preact.ComponentChildren;
  who?: string;
  role?: Role;
}) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">fascia</span>
        {who ? (
          <span class="who">
            {who === 'local' ? 'Logged in on this computer' : `Logged in as ${who}`}
            {role && role !== 'person' ? ` (${roleWords[role]})` : ''}
          </span>
        ) : null}
        {nav}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer>
        <Disclaimer />
      </footer>
    </>
  );
}

render(<App />, document.getElementById('app')!);
