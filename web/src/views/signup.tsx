// Making a person's own account with a practitioner's invitation code (ADR
// 0028): the code (filled in from the invitation link), whose it is, a name
// and a password, and what to share. One request makes the account, accepts
// the invitation and signs in (POST /api/v1/signup).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { InvitationCodeField, useInvitationPreview } from '../components/invitation-code-field';
import { NOTHING_SHARED, ShareChoices } from '../components/share-choices';
import type { SignupAnswer, Sharing } from '../types';
import { errorsFrom, FieldError, OtherErrors, type FieldErrors } from '../util';

const NAME_PATTERN = /^[a-z0-9._-]{1,40}$/;
/** The form's words for the fields the server names. */
const LABELS = { code: 'Invitation code', name: 'Name', password: 'Password', share: 'Sharing' };

/** The same words the server uses for a name it refuses, before the request is sent. */
function nameProblem(name: string): string | null {
  if (!name) return 'Choose a name to log in with.';
  if (!NAME_PATTERN.test(name))
    return 'Use 1 to 40 of these: small letters a-z, digits, dots, dashes and underscores (no spaces or capitals).';
  return null;
}

export function SignupForm({
  initialCode,
  onSignedUp,
}: {
  initialCode: string;
  onSignedUp: (answer: SignupAnswer) => Promise<void> | void;
}) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [share, setShare] = useState<Required<Sharing>>(NOTHING_SHARED);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  // Whose the code is, once complete, so the person chooses what to share knowing with whom.
  const from = useInvitationPreview(code, api.signUpLookUp, (err) => {
    const found = err ? errorsFrom(err, LABELS) : {};
    setErrors((e) => ({ ...e, code: found.code ?? found[''] ?? '' }));
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!code.trim()) found.code = 'Enter the code your practitioner gave you.';
    const badName = nameProblem(name.trim());
    if (badName) found.name = badName;
    if ([...password].length < 8) found.password = 'Use at least 8 characters.';
    else if (password !== again) found.again = 'The two passwords differ: type the same one twice.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const answer = await api.signUp({ code: code.trim(), name: name.trim(), password, share });
      await onSignedUp(answer);
    } catch (err) {
      setErrors(errorsFrom(err, LABELS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate class="narrow" data-testid="signup-form">
      <p>
        A practitioner's invitation code lets you make your own account. It links you with them, sharing only what you
        tick.
      </p>
      <InvitationCodeField
        id="signup-code"
        value={code}
        onInput={setCode}
        errors={errors}
        hint="Like 7K2M-XQ9D-HB4T. It works once."
        from={from}
        fromTestId="signup-from"
      />
      <div class="field">
        <label for="signup-name">Name to log in with</label>
        <input
          id="signup-name"
          name="name"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'signup-name-hint signup-name-error' : 'signup-name-hint'}
        />
        <p class="hint" id="signup-name-hint">
          Small letters, digits, dots, dashes and underscores, e.g. sam.lee. Your practitioner sees it.
        </p>
        <FieldError errors={errors} field="name" id="signup-name-error" />
      </div>
      <div class="field">
        <label for="signup-password">Password</label>
        <input
          id="signup-password"
          name="password"
          type="password"
          autocomplete="new-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'signup-password-hint signup-password-error' : 'signup-password-hint'}
        />
        <p class="hint" id="signup-password-hint">
          At least 8 characters.
        </p>
        <FieldError errors={errors} field="password" id="signup-password-error" />
      </div>
      <div class="field">
        <label for="signup-again">Password again</label>
        <input
          id="signup-again"
          name="again"
          type="password"
          autocomplete="new-password"
          value={again}
          onInput={(e) => setAgain(e.currentTarget.value)}
          aria-invalid={errors.again ? true : undefined}
          aria-describedby={errors.again ? 'signup-again-error' : undefined}
        />
        <FieldError errors={errors} field="again" id="signup-again-error" />
      </div>
      <ShareChoices who={from ? from.practitioner : 'the practitioner'} share={share} onChange={setShare} errors={errors} />
      <OtherErrors errors={errors} shown={['code', 'name', 'password', 'again', 'share']} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Creating your account…' : 'Create my account'}
      </button>
    </form>
  );
}
