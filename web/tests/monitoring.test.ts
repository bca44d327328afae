// The monitoring list in a real browser (issue 10, point 6): pat's Clients
// page lists the client who stopped a session for a warning sign first, with
// the flags' badges, reasons and dates; a client who shares nothing says
// "Not shared"; the client page shows the progress (pain by area with the
// meaningful-change band, adherence, the warning-sign history) under the
// flags. At 1100×900 and 390×844.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClinic, addUser, apiCall, axe, launch, logIn, newPage, setUpPerson, shot, startServer, type Watched } from './harness';

interface DueStep {
  per_side: boolean;
  side: string;
  target: number;
  pressure: number[] | null;
}
interface Due {
  protocol: string;
  steps: DueStep[];
}

for (const [width, height] of [
  [1100, 900],
  [390, 844],
] as const) {
  test(`the monitoring list and a client's progress at ${width}×${height}`, { timeout: 240_000 }, async () => {
    const server = await startServer();
    const browser = await launch();
    const tag = width === 390 ? '-390' : '';
    const open: Watched[] = [];
    try {
      await addUser(server, 'ada', 'ada password 1');
      await addUser(server, 'cleo', 'cleo password 1');
      const clinicId = await addClinic(server, 'Riverside Physio');
      await addUser(server, 'pat', 'pat password 1', { role: 'practitioner', clinic: clinicId });
      const pat = await newPage(browser, { width, height });
      open.push(pat);
      await logIn(pat.page, server, 'pat', 'pat password 1');
      await pat.page.waitForURL(/\/clients$/);

      // Two clients: cleo shares nothing; ada shares everything, then stops a session for a sign that raises a warning sign.
      for (const [name, share] of [
        ['cleo', {}],
        ['ada', { journal: true, sessions: true, screening: true }],
      ] as const) {
        const client = await newPage(browser, { width, height });
        open.push(client);
        await logIn(client.page, server, name, `${name} password 1`);
        await client.page.waitForURL(/\/screening$/);
        await setUpPerson(client.page, name);
        const code = (await apiCall<{ code: string }>(pat.page, 'POST', '/invitations', {})).body.code;
        assert.equal((await apiCall(client.page, 'POST', '/links', { code, share })).status, 201);
        if (name === 'ada') {
          const signs = (await apiCall<{ id: string; rescreen_question: string | null; action: string }[]>(client.page, 'GET', '/kb/stop-signs')).body;
          const sign = signs.find((s) => s.rescreen_question && s.action !== 'emergency')!;
          const due = (await apiCall<{ due: Due[] }>(client.page, 'GET', '/today')).body.due[0];
          const first = due.steps[0];
          const done: Record<string, unknown> = { kind: 'done', amount: first.target };
          if (first.pressure) done.pressure = first.pressure[0];
          const r = await apiCall(client.page, 'POST', '/sessions', { protocol: due.protocol, events: [done, { kind: 'stop', signs: [sign.id], amount: 3 }] });
          assert.equal(r.status, 201, JSON.stringify(r.body));
        }
      }

      await pat.page.goto(server.base + '/clients');
      const list = pat.page.getByTestId('client-list');
      await list.waitFor();
      const items = list.getByTestId('client-item');
      assert.equal(await items.count(), 2);
      const first = items.nth(0);
      await first.getByRole('link', { name: 'ada' }).waitFor();
      const flags = first.getByTestId('client-flags').locator('li');
      assert.deepEqual(await flags.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))), ['stop-event', 'new-warning-sign']);
      await flags.nth(0).getByText('Session stopped', { exact: true }).waitFor();
      await flags.nth(0).getByText(/The session on Monday, 23 November 2026 was stopped for /).waitFor();
      await flags.nth(1).getByText('Warning sign', { exact: true }).waitFor();
      await flags.nth(1).getByText(/not cleared yet/).waitFor();
      const second = items.nth(1);
      await second.getByRole('link', { name: 'cleo' }).waitFor();
      await second.getByTestId('client-not-shared').getByText(/Not shared/).waitFor();
      assert.equal(await second.getByTestId('client-flags').count(), 0, 'no flags from what is not shared');
      const sw = await pat.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= width, `the list is ${sw}px wide at ${width}px`);
      assert.deepEqual(await axe(pat.page, ['color-contrast', 'link-name', 'heading-order', 'list', 'listitem']), [], 'axe on the list');
      await shot(pat.page, 'monitoring-1-list' + tag);

      // ada's page: the flags, then pain by area, adherence and the warning-sign history.
      await first.getByRole('link', { name: 'ada' }).click();
      await pat.page.waitForURL(/\/clients\/\d+$/);
      const progress = pat.page.getByTestId('client-progress');
      await progress.getByRole('heading', { name: 'Progress' }).waitFor();
      await progress.getByTestId('client-flags').getByText('Session stopped', { exact: true }).waitFor();
      await progress.getByTestId('client-session-count').getByText(/^1 session logged in all, since their first\./).waitFor();
      await progress.getByRole('heading', { name: 'Pain by area' }).waitFor();
      await progress.getByText(/counts as meaningful when it reaches/).waitFor();
      await progress.getByTestId('warning-history').getByText('Still in force.').waitFor();
      assert.equal(await progress.getByRole('button', { name: /clearance/i }).count(), 0, 'no person-side clearance form');
      const sw2 = await pat.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw2 <= width, `the client page is ${sw2}px wide at ${width}px`);
      assert.deepEqual(await axe(pat.page, ['color-contrast', 'heading-order', 'link-name', 'button-name']), [], 'axe on the client page');
      await shot(pat.page, 'monitoring-2-client' + tag);

      for (const w of open) assert.deepEqual(w.problems, [], 'CSP violations or page errors');
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
