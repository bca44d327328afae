// A client with no account, in a real browser against a real server (ADR
// 0028): practitioner pat makes an invitation; the client opens its link
// signed out and gets "Create your account" with the code filled in and
// whose it is; the form's own checks speak first (a name with capitals, a
// short password, two passwords that differ); the account is made with the
// journal shared, and the sharing page greets them, lists pat and leads to
// the safety questions. pat's client list shows them. The same link opened
// again says the code is used, and "Log in" is one click away. Once at
// desktop width, once at 390×844.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClinic,
  addUser,
  apiCall,
  checkPage,
  launch,
  logIn,
  newPage,
  passwordOf,
  shot,
  startServer,
  type Watched,
} from './harness';

for (const [width, height] of [
  [1100, 900],
  [390, 844],
] as const) {
  test(`an invitation link makes a client's account at ${width}×${height}`, { timeout: 180_000 }, async () => {
    const server = await startServer();
    const browser = await launch();
    const tag = width === 390 ? '-390' : '';
    const open: Watched[] = [];
    try {
      const clinic = await addClinic(server, 'North Physio');
      await addUser(server, 'pat', passwordOf('pat'), { role: 'practitioner', clinic });
      const pat = await newPage(browser, { width, height });
      open.push(pat);
      await logIn(pat.page, server, 'pat', passwordOf('pat'));
      const code = (await apiCall<{ code: string }>(pat.page, 'POST', '/invitations', {})).body.code;
      const link = `${server.base}/sharing?code=${code}`;

      // Signed out, the link offers to make an account, the code filled in and its practitioner named.
      const client = await newPage(browser, { width, height });
      open.push(client);
      await client.page.goto(link);
      await client.page.getByRole('heading', { name: 'Create your account', level: 1 }).waitFor();
      await client.page.getByTestId('invitation-opened').waitFor();
      assert.equal(await client.page.getByLabel('Invitation code').inputValue(), code);
      await client.page.getByTestId('signup-from').getByText('This code is from pat at North Physio.').waitFor();
      const form = client.page.getByTestId('signup-form');
      await form.locator('legend').getByText('What pat may see').waitFor();
      assert.equal(await form.locator('input[type=checkbox]:checked').count(), 0, 'nothing shared unless ticked');
      await checkPage(client.page, width, 'create your account');
      await shot(client.page, 'signup-1-form' + tag);

      // The form's own checks, each under its field.
      await client.page.getByLabel('Name to log in with').fill('Nadia Lee');
      await client.page.getByLabel('Password', { exact: true }).fill('short');
      await form.getByRole('button', { name: 'Create my account' }).click();
      await client.page.locator('#signup-name-error').getByText(/small letters a-z/).waitFor();
      await client.page.locator('#signup-password-error').getByText('Use at least 8 characters.').waitFor();
      assert.equal(await client.page.locator('#signup-name').getAttribute('aria-invalid'), 'true');
      await client.page.getByLabel('Name to log in with').fill('nadia');
      await client.page.getByLabel('Password', { exact: true }).fill('nadia password 1');
      await client.page.getByLabel('Password again').fill('nadia password 2');
      await form.getByRole('button', { name: 'Create my account' }).click();
      await client.page.locator('#signup-again-error').getByText(/differ/).waitFor();
      // A name that exists is the server's answer, under the name.
      await client.page.getByLabel('Name to log in with').fill('pat');
      await client.page.getByLabel('Password again').fill('nadia password 1');
      await form.getByRole('button', { name: 'Create my account' }).click();
      await client.page.locator('#signup-name-error').getByText("The name 'pat' is taken; choose another.").waitFor();

      await client.page.getByLabel('Name to log in with').fill('nadia');
      await form.getByRole('checkbox', { name: /^Your journal/ }).check();
      await form.getByRole('button', { name: 'Create my account' }).click();

      // Signed in, greeted, linked sharing the journal only; next come the safety questions.
      await client.page.waitForURL(/\/sharing\?welcome=1$/);
      await client.page.getByTestId('welcome').getByText('Welcome, nadia.').waitFor();
      await client.page.getByText('Logged in as nadia').waitFor();
      const card = client.page.getByTestId('link-card').first();
      await card.getByRole('heading', { name: 'pat, North Physio' }).waitFor();
      assert.equal(await card.getByRole('checkbox', { name: /^Your journal/ }).isChecked(), true);
      assert.equal(await card.getByRole('checkbox', { name: /^Your sessions/ }).isChecked(), false);
      await checkPage(client.page, width, 'sharing, welcomed');
      await shot(client.page, 'signup-2-welcome' + tag);
      await client.page.getByTestId('welcome').getByRole('link', { name: 'Answer the safety questions' }).click();
      await client.page.waitForURL(/\/screening$/);
      const me = await apiCall<{ person_id: number; role: string }>(client.page, 'GET', '/me');
      assert.equal(me.body.role, 'person');
      assert.notEqual(me.body.person_id, 1, 'never the terminal person');

      // pat's clients list shows nadia.
      await pat.page.goto(server.base + '/clients');
      await pat.page.getByTestId('client-list').locator('li', { hasText: 'nadia' }).getByText('Shares their journal.').waitFor();

      // The same link again, in another browser: the code is used, and logging in is one click away.
      const other = await newPage(browser, { width, height });
      open.push(other);
      await other.page.goto(link);
      await other.page.locator('#signup-code-error').getByText(/already been used/).waitFor();
      await other.page.getByTestId('invitation-opened').getByRole('button', { name: 'log in' }).click();
      await other.page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
      // Back to the form, the link's code is still filled in; from the plain log-in page, nothing is.
      await other.page.getByRole('button', { name: 'Create your account' }).click();
      assert.equal(await other.page.getByLabel('Invitation code').inputValue(), code);
      await other.page.goto(server.base + '/');
      await other.page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
      await other.page.getByRole('button', { name: 'Create your account' }).click();
      await other.page.getByRole('heading', { name: 'Create your account', level: 1 }).waitFor();
      assert.equal(await other.page.getByLabel('Invitation code').inputValue(), '');
      assert.equal(await other.page.getByTestId('invitation-opened').count(), 0);

      for (const w of open) assert.deepEqual(w.problems, [], 'CSP violations or page errors');
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
