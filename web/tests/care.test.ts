// Practitioners and clinics in a real browser against a real server, three
// people in three browser contexts: a clinic administrator adds practitioner
// pat on the Clinic page → pat makes an invitation on Clients → the person
// opens the invitation link, shares the journal only, and accepts → pat reads
// the journal, and the Sessions tab gives the server's "does not share"
// reason → the person sees pat in "Who looked at my data", turns sessions on
// and off again, then revokes → pat's client page says the client is not
// linked and the list of clients is empty. Once at desktop width, once at
// 390×844.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  addClinic,
  addUser,
  apiCall,
  checkPage,
  launch,
  logIn,
  newPage,
  setUpPerson,
  shot,
  startServer,
  type Watched,
} from './harness';

const CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

interface Link {
  id: number;
  live: boolean;
  share: { journal: boolean; sessions: boolean; screening: boolean };
}

async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  return (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
}

for (const [width, height] of [
  [1100, 900],
  [390, 844],
] as const) {
  test(`clinic, invitation, sharing by part, access log and revoking at ${width}×${height}`, { timeout: 240_000 }, async () => {
    const server = await startServer();
    const browser = await launch();
    const tag = width === 390 ? '-390' : '';
    const open: Watched[] = [];
    try {
      // The person's account first (person 1), then the clinic and its administrator.
      await addUser(server, 'sam', 'sam password 1');
      const clinicId = await addClinic(server, 'Riverside Physio');
      await addUser(server, 'ada', 'ada password 1', { role: 'admin', clinic: clinicId });

      // The administrator signs in and lands on the Clinic page: no first run.
      const admin = await newPage(browser, { width, height });
      open.push(admin);
      await logIn(admin.page, server, 'ada', 'ada password 1');
      await admin.page.waitForURL(/\/clinic$/);
      await admin.page.getByRole('heading', { name: 'Clinic', level: 1 }).waitFor();
      await admin.page.getByTestId('clinic-name').getByText('Riverside Physio').waitFor();
      assert.deepEqual(await navLinks(admin.page), ['Clinic', 'Find a practitioner']);
      await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log out' }).waitFor();
      const members = admin.page.getByTestId('members');
      await members.locator('tr', { hasText: 'ada' }).getByText('Clinic administrator').waitFor();

      // Adding a practitioner: the server's message shows next to the field it names.
      await admin.page.getByLabel('Account name').fill('pat');
      await admin.page.getByLabel('Password').fill('short');
      await admin.page.getByRole('button', { name: 'Add practitioner' }).click();
      const pwField = admin.page.locator('.field', { has: admin.page.locator('#prac-password') });
      await pwField.locator('.field-error').getByText(/8 characters/).waitFor();
      assert.equal(await admin.page.locator('#prac-password').getAttribute('aria-invalid'), 'true');
      await admin.page.getByLabel('Account name').fill('Pat Smith');
      await admin.page.getByLabel('Password').fill('pat password 1');
      await admin.page.getByRole('button', { name: 'Add practitioner' }).click();
      await admin.page.locator('.field', { has: admin.page.locator('#prac-name') }).locator('.field-error').waitFor();
      assert.equal(await pwField.locator('.field-error').count(), 0, 'the password error is gone');
      await admin.page.getByLabel('Account name').fill('pat');
      await admin.page.getByRole('button', { name: 'Add practitioner' }).click();
      await admin.page.getByTestId('added').getByText(/Added pat/).waitFor();
      await members.locator('tr', { hasText: 'pat' }).getByText('Practitioner').waitFor();
      await checkPage(admin.page, width, 'clinic');
      await shot(admin.page, 'care-1-clinic' + tag);

      // pat signs in: the Clients page, not the safety questions or the profile.
      const pat = await newPage(browser, { width, height });
      open.push(pat);
      await logIn(pat.page, server, 'pat', 'pat password 1');
      await pat.page.waitForURL(/\/clients$/);
      await pat.page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
      assert.deepEqual(await navLinks(pat.page), ['Clients', 'My listing', 'Find a practitioner', 'Library']);
      await pat.page.getByTestId('no-clients').waitFor();
      await pat.page.goto(server.base + '/');
      await pat.page.waitForURL(/\/clients$/);
      await pat.page.goto(server.base + '/setup');
      await pat.page.getByRole('heading', { name: 'Page not found' }).waitFor();
      assert.match(pat.page.url(), /\/setup$/, 'no first-run redirect for a practitioner');
      await pat.page.goto(server.base + '/clients');

      // An invitation: the code big, the link that fills it in, the expiry.
      await pat.page.getByRole('button', { name: 'Make an invitation code' }).click();
      const code = ((await pat.page.getByTestId('invite-code').textContent()) ?? '').trim();
      assert.match(code, CODE);
      const link = ((await pat.page.getByTestId('invite-link').textContent()) ?? '').trim();
      assert.equal(link, `${server.base}/sharing?code=${code}`);
      await pat.page.getByTestId('invitation').getByText(/works once, until/).waitFor();
      const size = await pat.page.getByTestId('invite-code').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(size >= 24, `the code is big: ${size}px`);
      await checkPage(pat.page, width, 'clients with an invitation');
      await shot(pat.page, 'care-2-invitation' + tag);

      // The person signs in with their own account, with a journal entry of their own.
      const person = await newPage(browser, { width, height });
      open.push(person);
      await logIn(person.page, server, 'sam', 'sam password 1');
      await person.page.waitForURL(/\/screening$/);
      await setUpPerson(person.page, 'Sam');
      const note = await apiCall(person.page, 'POST', '/journal/note', { text: 'walked to work without neck pain' });
      assert.equal(note.status, 201);
      const reaction = await apiCall(person.page, 'POST', '/journal/reaction', { region: 'upper-trapezius', side: 'both', soreness: 2 });
      assert.equal(reaction.status, 201);

      // The invitation link fills in the code; nothing is ticked.
      await person.page.goto(link);
      await person.page.getByRole('heading', { name: 'Sharing', level: 1 }).waitFor();
      assert.ok((await navLinks(person.page)).includes('Sharing'), 'Sharing in the person\'s navigation');
      assert.equal(await person.page.getByLabel('Invitation code').inputValue(), code);
      const form = person.page.locator('form.accept-form');
      assert.equal(await form.locator('input[type=checkbox]').count(), 3);
      assert.equal(await form.locator('input[type=checkbox]:checked').count(), 0, 'nothing shared unless ticked');
      // Whose code it is, before anything is chosen: named above the choice, which names them too.
      await form.getByTestId('invitation-from').getByText(/This code is from pat at Riverside Physio\. It works once, until \w{3},? \d{1,2} \w{3} \d{4}/).waitFor(); // the app's own date style, not the browser's locale
      await form.locator('legend').getByText('What pat may see').waitFor();
      await person.page.getByTestId('access-log-empty').getByText('No one but you has read or changed your data.').waitFor();
      await checkPage(person.page, width, 'sharing before accepting');
      await form.getByRole('checkbox', { name: /^Your journal/ }).check();
      await form.getByRole('button', { name: 'Accept and link' }).click();
      await person.page.getByTestId('accept-done').getByText(/linked with pat at Riverside Physio.*your journal/).waitFor();
      await person.page.waitForURL(/\/sharing$/);
      const card = person.page.getByTestId('link-card').first();
      await card.getByRole('heading', { name: 'pat, Riverside Physio' }).waitFor();
      await card.getByText('Live').waitFor();
      assert.equal(await card.getByRole('checkbox', { name: /^Your journal/ }).isChecked(), true);
      assert.equal(await card.getByRole('checkbox', { name: /^Your sessions/ }).isChecked(), false);
      assert.equal(await card.getByRole('checkbox', { name: /^Your safety questions/ }).isChecked(), false);
      const links = await apiCall<Link[]>(person.page, 'GET', '/links');
      assert.deepEqual(links.body.map((l) => l.share), [{ journal: true, sessions: false, screening: false }]);
      await shot(person.page, 'care-3-accepted' + tag);

      // pat opens the client: the journal is there, the sessions are not shared.
      await pat.page.goto(server.base + '/clients');
      const item = pat.page.getByTestId('client-list').locator('li', { hasText: 'sam' });
      await item.getByText('Shares their journal.').waitFor();
      await item.getByText(/Linked since/).waitFor();
      await item.getByRole('link', { name: 'sam' }).click();
      await pat.page.waitForURL(/\/clients\/\d+$/);
      const clientUrl = pat.page.url();
      await pat.page.getByRole('heading', { name: 'sam', level: 1 }).waitFor();
      assert.equal(await pat.page.getByRole('tab', { name: 'Journal' }).getAttribute('aria-selected'), 'true');
      await pat.page.getByRole('tabpanel').getByText('walked to work without neck pain').waitFor();
      // Without the sessions pat cannot tell a check-in from soreness given at a session's end: neither is claimed.
      const soreness = pat.page.getByRole('tabpanel').locator('tr[data-list="reactions"]');
      assert.equal(await soreness.count(), 1);
      await soreness.getByText('Skin and soreness', { exact: true }).waitFor();
      assert.equal(await pat.page.getByRole('tabpanel').getByText('Check-in', { exact: true }).count(), 0);
      await checkPage(pat.page, width, 'client journal');
      await shot(pat.page, 'care-4-client-journal' + tag);
      await pat.page.getByRole('tab', { name: 'Sessions' }).click();
      await pat.page.getByTestId('not-shared').getByText(/does not share their sessions/).waitFor();
      await pat.page.getByRole('tab', { name: 'Screening' }).click();
      await pat.page.getByTestId('not-shared').getByText(/does not share their screening/).waitFor();
      await shot(pat.page, 'care-5-not-shared' + tag);

      // The person sees who looked: pat read the journal; the refusals are not reads.
      await person.page.reload();
      const log = person.page.getByTestId('access-log');
      await log.waitFor();
      await log.locator('tr', { hasText: 'pat' }).filter({ hasText: 'Read the journal' }).waitFor();
      await log.locator('tr', { hasText: 'pat' }).first().getByText(/practitioner, Riverside Physio/).waitFor();
      assert.equal(await log.locator('tbody tr', { hasText: /sessions|screening/ }).count(), 0, 'a refusal is not in the log');
      assert.equal(await person.page.getByTestId('access-log-empty').count(), 0);
      await checkPage(person.page, width, 'sharing with a link and the log');
      await shot(person.page, 'care-6-access-log' + tag);

      // A long log comes a page at a time: the newest 20, then 20 more on request.
      const clientId = /\/clients\/(\d+)$/.exec(clientUrl)![1];
      for (let i = 0; i < 24; i++) {
        const read = await pat.page.request.get(`${server.base}/api/v1/clients/${clientId}/journal`);
        assert.equal(read.status(), 200);
      }
      await person.page.reload();
      await log.waitFor();
      const rows = log.locator('tbody tr');
      const total = await person.page.evaluate(async () => ((await (await fetch('/api/v1/access-log')).json()) as unknown[]).length);
      assert.ok(total > 20, `more than a page: ${total}`);
      assert.equal(await rows.count(), 20, 'the newest 20 first');
      await person.page.getByTestId('access-log-count').getByText(`Showing the newest 20 of ${total}.`).waitFor();
      await person.page.getByRole('button', { name: `Show ${Math.min(20, total - 20)} more` }).click();
      assert.equal(await rows.count(), Math.min(40, total));
      await checkPage(person.page, width, 'a long access log');

      // Turning sessions and screening on shows them to pat on the next request; turning them off again hides them.
      const card2 = person.page.getByTestId('link-card').first();
      await card2.getByRole('checkbox', { name: /^Your sessions/ }).check();
      await card2.getByText('Saved. pat can now see your journal and sessions.').waitFor();
      await card2.getByRole('checkbox', { name: /^Your safety questions/ }).check();
      await card2.getByText('Saved. pat can now see your journal, sessions and safety answers.').waitFor();
      await pat.page.getByRole('tab', { name: 'Sessions' }).click(); // from Screening: the tab asks again
      await pat.page.getByRole('tabpanel').getByText('No sessions yet.').waitFor();
      await pat.page.getByRole('tab', { name: 'Screening' }).click();
      const screening = pat.page.getByTestId('client-screening');
      await screening.getByText('Fine to start').waitFor();
      await screening.getByText('No to every question.').waitFor();
      await checkPage(pat.page, width, 'client screening');
      await card2.getByRole('checkbox', { name: /^Your sessions/ }).uncheck();
      await card2.getByRole('checkbox', { name: /^Your safety questions/ }).uncheck();
      await card2.getByText('Saved. pat can now see your journal.').waitFor();
      await pat.page.getByRole('tab', { name: 'Sessions' }).click();
      await pat.page.getByTestId('not-shared').getByText(/does not share their sessions/).waitFor();
      const after = await apiCall<Link[]>(person.page, 'GET', '/links');
      assert.deepEqual(after.body.map((l) => l.share), [{ journal: true, sessions: false, screening: false }]);

      // Revoking asks first, and says pat will see nothing more.
      await card2.getByRole('button', { name: 'Revoke' }).click();
      const confirm = card2.locator('.confirm');
      await confirm.getByText(/pat will see nothing more of your data/).waitFor();
      await shot(person.page, 'care-7-revoke-confirm' + tag);
      await confirm.getByRole('button', { name: 'Keep sharing' }).click();
      assert.equal(await card2.locator('.confirm').count(), 0);
      assert.equal((await apiCall<Link[]>(person.page, 'GET', '/links')).body[0].live, true, 'keeping changes nothing');
      await card2.getByRole('button', { name: 'Revoke' }).click();
      await card2.getByRole('button', { name: 'Yes, stop sharing' }).click();
      const ended = person.page.getByTestId('link-card').first();
      await ended.getByText('Ended').waitFor();
      await ended.getByText(/pat sees nothing of yours/).waitFor();
      // What pat could see while linked: the journal shared, and always what the clinic added (never "nothing").
      assert.match(
        (await ended.getByTestId('ended-link-saw').textContent()) ?? '',
        /While linked, pat could see your journal, and what their clinic added for you: home programs/,
      );
      assert.equal(await ended.getByRole('button', { name: 'Revoke' }).count(), 0);
      assert.equal((await apiCall<Link[]>(person.page, 'GET', '/links')).body[0].live, false);
      await checkPage(person.page, width, 'sharing after revoking');
      await shot(person.page, 'care-8-revoked' + tag);

      // pat's open client page: the next part pat opens finds the link gone, and the page
      // then shows only "not linked", none of the client's data it showed before.
      // A tab at one width, the home programs section at the other (a trial saw only that section say so).
      if (tag) await pat.page.getByRole('tab', { name: 'Journal' }).click();
      else await pat.page.getByRole('button', { name: 'Show home programs' }).click();
      await pat.page.getByRole('heading', { name: 'Client not linked', level: 1 }).waitFor();
      assert.equal(await pat.page.getByRole('tab').count(), 0, 'no parts left on the page');
      assert.equal(await pat.page.getByTestId('client-progress').count(), 0, 'the progress shown before is gone');

      // pat's client page now says the client is not linked; the list is empty.
      await pat.page.goto(clientUrl);
      await pat.page.getByTestId('not-linked').getByText(/not linked to you/).waitFor();
      await pat.page.getByRole('heading', { name: 'Client not linked', level: 1 }).waitFor();
      assert.equal(await pat.page.getByRole('tab').count(), 0);
      await shot(pat.page, 'care-9-not-linked' + tag);
      await pat.page.goto(server.base + '/clients');
      await pat.page.getByTestId('no-clients').waitFor();
      assert.equal(await pat.page.getByTestId('client-list').count(), 0);

      for (const w of open) assert.deepEqual(w.problems, [], 'CSP violations or page errors');
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
