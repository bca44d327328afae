// Issue 10, points 1 and 2 in a real browser against a real server (ADR
// 0021): the clinic administrator ada deactivates practitioner pat on the
// Clinic page after a confirmation that says what happens → pat's next
// request shows the log-in page and logging in is refused, saying why → ana,
// pat's client, sees on Sharing that pat is no longer active → ada
// reactivates pat, who signs in again → pat cancels an invitation on the
// Clients page → accepting its code is refused with the reason, next to the
// code. The Clinic and Clients pages pass the page checks at 1100 and 390 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, apiCall, checkPage, launch, logIn, newPage, passwordOf, setUpClinic, shot, signIn, startServer, type Watched } from './harness';

const WIDE = { width: 1100, height: 900 };
const PHONE = { width: 390, height: 844 };

test('an administrator deactivates and reactivates a practitioner; a practitioner cancels an invitation', { timeout: 300_000 }, async () => {
  const server = await startServer();
  const browser = await launch();
  const open: Watched[] = [];
  try {
    const clinic = await setUpClinic(server, 'North Physio', 'pat', ['ana']);
    await addUser(server, 'ada', passwordOf('ada'), { role: 'admin', clinic });
    const pat = await signIn(browser, server, 'pat', WIDE, 'practitioner');
    const ana = await signIn(browser, server, 'ana', WIDE, 'new person');
    const ada = await newPage(browser, WIDE);
    open.push(pat, ana, ada);

    // pat invites ana, who accepts sharing her journal; the invitation is listed as accepted by her.
    await pat.page.getByRole('button', { name: 'Make an invitation code' }).click();
    const link = ((await pat.page.getByTestId('invite-link').textContent()) ?? '').trim();
    const invitations = pat.page.getByTestId('invitations');
    await invitations.locator('tr[data-state="open"]').waitFor();
    await ana.page.goto(link);
    const form = ana.page.locator('form.accept-form');
    await form.getByRole('checkbox', { name: /^Your journal/ }).check();
    await form.getByRole('button', { name: 'Accept and link' }).click();
    await ana.page.getByTestId('accept-done').waitFor();
    await pat.page.reload();
    await invitations.locator('tr[data-state="used"]').getByText(/Accepted by ana/).waitFor();

    // pat starts a visit note for ana and leaves it unsaved (kept in the browser as a draft).
    const anaId = (await apiCall<{ person_id: number }>(ana.page, 'GET', '/me')).body.person_id;
    await pat.page.goto(`${server.base}/clients/${anaId}`);
    const notes = pat.page.getByTestId('visit-notes');
    await notes.getByText('Write a visit note').click();
    await notes.getByRole('form', { name: 'Write a visit note' }).getByLabel('Subjective').fill('Numb fingers at night.');
    const draftKeys = () =>
      pat.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fascia.note-draft.')).length);
    assert.equal(await draftKeys(), 1, 'the unsaved note is kept as a draft');

    // ada deactivates pat, after a confirmation saying what happens.
    await logIn(ada.page, server, 'ada', passwordOf('ada'));
    await ada.page.waitForURL(/\/clinic$/);
    const row = ada.page.getByTestId('members').locator('tr[data-name="pat"]');
    await row.getByTestId('member-state').getByText('Active').waitFor();
    await checkPage(ada.page, WIDE.width, 'clinic');
    await row.getByRole('button', { name: 'Deactivate' }).click();
    const question = ada.page.getByRole('group', { name: /Deactivate pat\?/ });
    await question.getByText(/signed out at once/).waitFor();
    await question.getByText(/open invitation codes stop working/).waitFor();
    await question.getByText(/their clients keep their data, links and home programs/).waitFor();
    assert.ok(await question.evaluate((e) => e === document.activeElement), 'the question takes the focus');
    await checkPage(ada.page, WIDE.width, 'clinic, confirming');
    await shot(ada.page, 'clinic-admin-1-confirm');
    await question.getByRole('button', { name: 'No, keep as it is' }).click();
    await row.getByTestId('member-state').getByText('Active').waitFor();
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await ada.page.getByRole('button', { name: 'Yes, deactivate pat' }).click();
    await ada.page.getByTestId('member-changed').getByText(/pat is deactivated/).waitFor();
    await row.getByTestId('member-state').getByText(/^Deactivated /).waitFor();
    await row.getByRole('button', { name: 'Reactivate' }).waitFor();

    // pat's next request (from the page still open): signed out, and told so. Logging in again is refused, saying why.
    await notes.getByRole('button', { name: 'Show the visit notes' }).click();
    await pat.page.getByRole('heading', { name: 'Log in' }).waitFor();
    await pat.page.getByTestId('signed-out').getByText(/You have been signed out\./).waitFor();
    // The unsaved note is not left on a shared computer without a word: the page says so and deletes it on request.
    const kept = pat.page.getByTestId('draft-kept');
    await kept.getByText(/An unsaved visit note is kept in this browser/).waitFor();
    await kept.getByRole('button', { name: 'Delete the unsaved note now' }).click();
    assert.equal(await kept.count(), 0);
    assert.equal(await draftKeys(), 0, 'no client words left in the browser');
    await pat.page.getByLabel('Name').fill('pat');
    await pat.page.getByLabel('Password').fill(passwordOf('pat'));
    await pat.page.getByRole('button', { name: 'Log in' }).click();
    await pat.page.getByText(/this account has been deactivated by its clinic's administrator/i).waitFor();
    await pat.page.getByRole('heading', { name: 'Log in' }).waitFor();
    await shot(pat.page, 'clinic-admin-2-refused');

    // ana sees that pat is no longer active; the link is kept.
    await ana.page.goto(server.base + '/sharing');
    const card = ana.page.getByTestId('link-card').first();
    await card.getByTestId('practitioner-inactive').getByText(/pat is no longer active at North Physio/).waitFor();
    await card.getByText('Paused', { exact: true }).waitFor();
    assert.equal(await card.getByText('Live', { exact: true }).count(), 0, 'not "Live" while pat sees nothing');
    await checkPage(ana.page, WIDE.width, 'sharing, practitioner inactive');

    // ada reactivates pat (confirmed); pat signs in and is back on Clients.
    await row.getByRole('button', { name: 'Reactivate' }).click();
    await ada.page.getByRole('group', { name: /Reactivate pat\?/ }).getByText(/can log in again/).waitFor();
    await ada.page.getByRole('button', { name: 'Yes, reactivate pat' }).click();
    await ada.page.getByTestId('member-changed').getByText(/pat is active again/).waitFor();
    await row.getByTestId('member-state').getByText('Active').waitFor();
    await logIn(pat.page, server, 'pat', passwordOf('pat'));
    await pat.page.waitForURL(/\/clients$/);
    await pat.page.getByTestId('client-list').getByRole('link', { name: 'ana' }).waitFor();

    // pat makes a code and cancels it; ana's accepting it is refused with the reason, next to the code.
    await pat.page.getByRole('button', { name: 'Make an invitation code' }).click();
    const code = ((await pat.page.getByTestId('invite-code').textContent()) ?? '').trim();
    const openRow = invitations.locator('tr[data-state="open"]');
    await openRow.waitFor();
    assert.equal(await invitations.locator('tr').filter({ hasText: code }).count(), 0, 'a listed invitation never shows its code');
    await checkPage(pat.page, WIDE.width, 'clients with invitations');
    await openRow.getByRole('button', { name: 'Cancel' }).click();
    await pat.page.getByTestId('invitation-cancelled').getByText(/its code no longer works/).waitFor();
    await invitations.locator('tr[data-state="cancelled"]').getByText(/Cancelled .*: the code no longer works/).waitFor();
    await pat.page.getByTestId('invitation-withdrawn').waitFor();
    assert.equal(await pat.page.getByTestId('invite-code').count(), 0, 'the cancelled code is no longer shown');
    assert.equal(await invitations.locator('tr[data-state="open"]').count(), 0);
    assert.equal(await invitations.locator('tr[data-state="cancelled"]').count(), 1);
    await shot(pat.page, 'clinic-admin-3-invitations');
    await ana.page.goto(`${server.base}/sharing?code=${encodeURIComponent(code)}`);
    await form.getByRole('checkbox', { name: /^Your journal/ }).check();
    await form.getByRole('button', { name: 'Accept and link' }).click();
    await ana.page
      .locator('#invite-code-error')
      .getByText(/this invitation was cancelled by the practitioner who made it; ask them for a new one/i)
      .waitFor();
    assert.equal(await ana.page.getByTestId('link-card').count(), 1, 'no new link');

    // The pages at a phone's width.
    for (const [w, path, where] of [
      [ada, '/clinic', 'clinic'],
      [pat, '/clients', 'clients'],
    ] as const) {
      await w.page.setViewportSize(PHONE);
      await w.page.goto(server.base + path);
      await w.page.getByRole('heading', { level: 1 }).waitFor();
      await w.page.getByRole('table').first().waitFor();
      await checkPage(w.page, PHONE.width, `${where} at ${PHONE.width}px`);
    }
    for (const w of open) assert.deepEqual(w.problems, []);
  } finally {
    for (const w of open) await w.context.close();
    await browser.close();
    await server.stop();
  }
});
