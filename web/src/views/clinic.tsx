// A clinic administrator's page: the clinic, its members with their roles
// and state (deactivating or reactivating a practitioner: components/
// clinic-members.tsx), and a form to add a practitioner account (the
// server's message shown next to the field it names).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ClinicMembers } from '../components/clinic-members';
import { errorsFrom, FieldError, LoadError, Loading, longDate, OtherErrors, Page, useLoad, type FieldErrors } from '../util';

export function ClinicPage() {
  const clinic = useLoad(() => api.clinic());
  const c = clinic.data;
  return (
    <Page title="Clinic" wide>
      {clinic.error ? <LoadError error={clinic.error} retry={clinic.reload} /> : null}
      {clinic.loading && !c ? <Loading what="the clinic" /> : null}
      {c ? (
        <>
          <p class="clinic-name" data-testid="clinic-name">
            <strong>{c.clinic.name}</strong>
            <span class="muted"> · clinic number {c.clinic.id}, since {longDate(c.clinic.created)}</span>
          </p>
          <h2 id="members-title">Members</h2>
          <ClinicMembers members={c.members} onChanged={clinic.reload} />
        </>
      ) : null}
      <AddPractitioner onAdded={clinic.reload} />
    </Page>
  );
}

function AddPractitioner({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone('');
    const missing: FieldErrors = {};
    if (!name.trim()) missing.name = 'Enter a name for the account.';
    if (!password) missing.password = 'Enter a password for the account.';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const account = await api.addPractitioner(name.trim(), password);
      setDone(`Added ${account.name}. They can log in with this name and the password you chose.`);
      setName('');
      setPassword('');
      onAdded();
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">Add a practitioner</h2>
      <form onSubmit={submit} noValidate class="narrow add-practitioner">
        <div class="field">
          <label for="prac-name">Account name</label>
          <input
            id="prac-name"
            name="name"
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'prac-name-hint prac-name-error' : 'prac-name-hint'}
          />
          <p class="hint" id="prac-name-hint">
            Small letters, digits, dots, dashes or underscores, up to 40; for example pat or j.smith.
          </p>
          <FieldError errors={errors} field="name" id="prac-name-error" />
        </div>
        <div class="field">
          <label for="prac-password">Password</label>
          <input
            id="prac-password"
            name="password"
            type="password"
            autocomplete="new-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? 'prac-password-hint prac-password-error' : 'prac-password-hint'}
          />
          <p class="hint" id="prac-password-hint">
            At least 8 characters. Give it to the practitioner in person.
          </p>
          <FieldError errors={errors} field="password" id="prac-password-error" />
        </div>
        <OtherErrors errors={errors} shown={['name', 'password']} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add practitioner'}
        </button>
        {done ? (
          <p class="ok" role="status" data-testid="added">
            {done}
          </p>
        ) : null}
      </form>
    </section>
  );
}
