// Entry point: finds out who is logged in, then shows the view for the path.
// First run goes screening → profile; an emergency or urgent screening
// outcome replaces the home page with what to do, and the profile is not asked.
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, setUnauthorizedListener } from './api';
import { AppContext, type AppState } from './app-context';
import { linkClick, navigate, useRoute } from './router';
import { forgetSessionProgress } from './session-progress';
import type { Clearance, Me } from './types';
import { isAlarm, LoadError, Loading, toApiError, unlessMissing } from './util';
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

const NAV: [string, string][] = [
  ['/', 'Today'],
  ['/plan', 'Plan'],
  ['/body', 'Body map'],
  ['/journal', 'Journal'],
  ['/progress', 'Progress'],
  ['/library', 'Library'],
  ['/setup', 'My details'],
];

// While screening says emergency or urgent, nothing leads to a plan.
const ALARM_NAV: [string, string][] = [
  ['/', 'What to do now'],
  ['/journal', 'Journal'],
  ['/library', 'Library'],
  ['/screening?again=1', 'Safety questions'],
];

function Nav({ path, alarm, onLogout }: { path: string; alarm: boolean; onLogout: () => void }) {
  return (
    <nav aria-label="Main">
      <ul class="nav">
        {(alarm ? ALARM_NAV : NAV).map(([href, label]) => (
          <li key={href}>
            <a href={href} onClick={linkClick} aria-current={path === href ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
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
  const [bootError, setBootError] = useState<ApiError | null>(null);

  const refresh = useCallback(async () => {
    try {
      const m = await api.me();
      const c = m.has_screening ? ((await unlessMissing(api.screening()))?.clearance ?? null) : null;
      forgetSessionProgress(m.today); // steps kept from an earlier day are of no use now
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
    setUnauthorizedListener(() => setNeedLogin(true));
    void refresh();
  }, [refresh]);

  const path = route.path;

  // First run: the safety questions before anything else (an emergency or
  // urgent answer must not wait behind a form), then the profile. An
  // emergency or urgent outcome never leads on to the profile.
  useEffect(() => {
    if (!me || needLogin || path === '/library') return;
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
          onLoggedIn={async () => {
            await refresh();
            if (path === '/signin') navigate('/', true);
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
      setMe(null);
      setClearance(null);
      setNeedLogin(true);
      navigate('/signin');
    }
  };

  const alarm = isAlarm(clearance?.level);
  let view;
  let showNav = true;
  if (path === '/library') view = <LibraryView />;
  else if (!me.has_screening || (path === '/screening' && (!alarm || route.query.get('again')))) {
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
        view = <JournalView />;
        break;
      case '/progress':
        view = <ProgressView />;
        break;
      default:
        view = (
          <section class="page">
            <h1 id="page-title">Page not found</h1>
            <p>
              There is nothing at this address.{' '}
              <a href="/" onClick={linkClick}>
                Go to today
              </a>
              .
            </p>
          </section>
        );
    }
  }
  return (
    <AppContext.Provider value={state}>
      <Shell nav={showNav ? <Nav path={path} alarm={alarm} onLogout={() => void logout()} /> : null} who={me.name}>
        {view}
      </Shell>
    </AppContext.Provider>
  );
}

function Shell({ children, nav, who }: { children: preact.ComponentChildren; nav?: preact.ComponentChildren; who?: string }) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">fascia</span>
        {who ? <span class="who">{who === 'local' ? 'Logged in on this computer' : `Logged in as ${who}`}</span> : null}
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
