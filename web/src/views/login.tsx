// The log-in page, shown whenever the API says there is no valid session;
// with an invitation code (the link a practitioner sends opens
// /sharing?code=…), or when asked, it makes an account instead (signup.tsx).
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { SignupAnswer } from '../types';
import { SignupForm } from './signup';
import { anyNoteDraftKept, forgetNoteDrafts } from '../note-drafts';
import { errorsFrom, FieldError, OtherErrors, Page, type FieldErrors } from '../util';

// `signedOut`: the app was in use when the server said the session is no
// longer valid; the page says so before asking to log in again.
// `inviteCode`: the code of the invitation link opened; the page offers to
// make an account with it first (someone who has one logs in, then accepts).
export function LoginView({
  onLoggedIn,
  onSignedUp,
  signedOut = false,
  inviteCode = '',
}: {
  onLoggedIn: () => Promise<void> | void;
  onSignedUp: (answer: SignupAnswer) => Promise<void> | void;
  signedOut?: boolean;
  inviteCode?: string;
}) {
  const [signingUp, setSigningUp] = useState(inviteCode !== '' && !signedOut);
  if (signingUp)
    return (
      <Page title="Create your account">
        {inviteCode ? (
          <p class="notice" data-testid="invitation-opened">
            You opened a practitioner's invitation. Make your account with it below, or{' '}
            <button type="button" class="link-button" onClick={() => setSigningUp(false)}>
              log in
            </button>{' '}
            if you already have one: you can accept the invitation after that.
          </p>
        ) : null}
        <SignupForm initialCode={inviteCode} onSignedUp={onSignedUp} />
        <p>
          Already have an account?{' '}
          <button type="button" class="link-button" onClick={() => setSigningUp(false)}>
            Log in
          </button>
        </p>
      </Page>
    );
  return <LoginForm onLoggedIn={onLoggedIn} signedOut={signedOut} onSignUp={() => setSigningUp(true)} />;
}

function LoginForm({
  onLoggedIn,
  signedOut,
  onSignUp,
}: {
  onLoggedIn: () => Promise<void> | void;
  signedOut: boolean;
  onSignUp: () => void;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [draftKept, setDraftKept] = useState(() => signedOut && anyNoteDraftKept());

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!name.trim()) missing.name = 'Enter your name.';
    if (!password) missing.password = 'Enter your password.';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await api.login(name.trim(), password);
      await onLoggedIn();
    } catch (err) {
      const fe = errorsFrom(err);
      // A wrong name or password has no field; show it under the password.
      if (fe['']) {
        fe.password = fe[''];
        delete fe[''];
      }
      setErrors(fe);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Log in">
      {signedOut ? (
        <p class="notice warn" role="status" data-testid="signed-out">
          <strong>You have been signed out.</strong> Your session ended: it expired, you logged out in another window, or your
          clinic's administrator deactivated your account. Log in again to go on; if logging in is refused, it says why.
        </p>
      ) : null}
      {draftKept ? (
        <div class="notice" data-testid="draft-kept">
          <p>
            An unsaved visit note is kept in this browser: it comes back when you log in again, and is deleted if anyone
            else logs in here.
          </p>
          <button
            type="button"
            onClick={() => {
              forgetNoteDrafts();
              setDraftKept(false);
            }}
          >
            Delete the unsaved note now
          </button>
        </div>
      ) : null}
      <p>Log in with your name and password.</p>
      <form onSubmit={submit} noValidate class="narrow">
        <div class="field">
          <label for="login-name">Name</label>
          <input
            id="login-name"
            name="name"
            autocomplete="username"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'login-name-error' : undefined}
          />
          <FieldError errors={errors} field="name" id="login-name-error" />
        </div>
        <div class="field">
          <label for="login-password">Password</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? 'login-password-error' : undefined}
          />
          <FieldError errors={errors} field="password" id="login-password-error" />
        </div>
        <OtherErrors errors={errors} shown={['name', 'password']} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        A practitioner gave you an invitation code and you have no account yet?{' '}
        <button type="button" class="link-button" onClick={onSignUp}>
          Create your account
        </button>
      </p>
      <p class="muted">
        On the computer running fascia, the address printed when it starts logs you in directly.
      </p>
    </Page>
  );
}
