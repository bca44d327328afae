// The other pages against the real server: the body map logs pain and shows
// referral possibilities; the journal's reaction check-in; an API error shown
// next to its field; the library lists protocols with their sources; a stop
// sign that ends the session is logged and its advice shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, axe, shot, startFirstDueSession, unlabelledControls, withSignedInPerson } from './harness';

interface Journal {
  pain: { region: string; side: string; score: number }[];
  reactions: { region: string; soreness: number; redness: boolean }[];
}

test('body map, referral, journal check-in, field errors and library', { timeout: 180_000 }, async () =>
  withSignedInPerson('Pat', { width: 800, height: 900 }, async ({ page, problems, server }) => {

    // Body map: the profile's areas are filled; tapping the left calf logs pain there.
    await page.goto(server.base + '/body');
    await page.locator('[data-figure="areas"] [data-zone="back-upper"]').click();
    await page.locator('[data-region="upper-trapezius"][data-side="left"][aria-pressed="true"]').waitFor();
    await page.getByTestId('areas-whole-body').click();
    await page.locator('[data-figure="areas"] [data-zone="back-legs"]').click();
    assert.equal(await page.locator('[data-region="calves"][aria-pressed="true"]').count(), 0);
    await page.locator('[data-region="calves"][data-side="left"]').click();
    assert.equal(await page.locator('#pain-region').inputValue(), 'calves');
    assert.equal(await page.locator('#pain-side').inputValue(), 'left');
    await page.getByRole('button', { name: 'Log pain', exact: true }).click();
    await page.locator('.pain-form .field-error').getByText(/pain score/).waitFor();
    await page.locator('#pain-score').selectOption('3');
    await page.getByRole('button', { name: 'Log pain', exact: true }).click();
    await page.getByText(/Logged pain 3\/10 for .*left side/).waitFor();
    const j = await apiCall<Journal>(page, 'GET', '/journal');
    assert.ok(j.body.pain.some((p) => p.region === 'calves' && p.side === 'left' && p.score === 3), JSON.stringify(j.body.pain));

    // Referral: ranked possibilities, worded as such, practitioner-only ones marked.
    await page.getByRole('checkbox', { name: 'Temple', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Chest', exact: true }).check();
    await page.getByRole('button', { name: 'Show possible sources' }).click();
    const answer = page.getByTestId('referral-answer');
    await answer.waitFor();
    await answer.getByText(/not a diagnosis/).waitFor();
    const items = answer.locator('ol.suggestions > li');
    assert.ok((await items.count()) >= 2, 'ranked suggestions');
    assert.match((await items.first().textContent()) ?? '', /may be involved/);
    await answer.getByText(/Not for self-treatment/).first().waitFor();
    // Chest pain: the heart warning comes first, above the muscle possibilities.
    // The chest's own warning (it may be the heart) comes first, then the
    // warnings of the referral patterns; all of them above the suggestions.
    const warnings = answer.getByTestId('referral-warning');
    assert.ok((await warnings.count()) >= 2, 'the location warning and the patterns\' warnings');
    assert.match((await warnings.first().textContent()) ?? '', /heart.*emergency number/s);
    const warningBottom = Math.max(
      ...(await warnings.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom))),
    );
    const listTop = (await answer.locator('ol.suggestions').boundingBox())?.y ?? -Infinity;
    assert.ok(warningBottom <= listTop, 'every warning is above the suggestions');
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'pages-1-body-referral');

    // Journal: a reaction check-in reports whether the area has settled.
    await page.goto(server.base + '/journal');
    await page.getByRole('tab', { name: 'Soreness and skin' }).click();
    await page.locator('#reaction-region').selectOption('upper-trapezius');
    await page.locator('#reaction-soreness').selectOption('5');
    await page.getByLabel('Redness').check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText(/has not settled yet/).waitFor();
    const j2 = await apiCall<Journal>(page, 'GET', '/journal');
    assert.ok(j2.body.reactions.some((r) => r.region === 'upper-trapezius' && r.soreness === 5 && r.redness));

    // An error from the API appears next to its field: a date in the future.
    await page.getByRole('tab', { name: 'Note' }).click();
    await page.locator('#note-date').fill('2027-01-05');
    await page.locator('#note-text').fill('walked further today');
    await page.getByRole('button', { name: 'Save entry' }).click();
    const dateField = page.locator('.field', { has: page.locator('#note-date') });
    await dateField.locator('.field-error').waitFor();
    assert.ok(((await dateField.locator('.field-error').textContent()) ?? '').length > 5);
    await page.getByRole('tab', { name: 'Habit' }).click();
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'pages-2-journal');

    // Library: protocols with steps and their sources.
    await page.goto(server.base + '/library');
    const neck = page.locator('details[data-protocol="neck-trap-iastm"]');
    await neck.locator('summary').click();
    await neck.locator('ol li').first().waitFor();
    const href = await neck.locator('.source a').getAttribute('href');
    assert.equal(href, '#source-seed-000');
    await page.locator('#source-seed-000').waitFor();
    assert.ok((await page.locator('ul.sources li').count()) >= 5);
    assert.deepEqual(await axe(page, ['label', 'color-contrast', 'link-name', 'button-name']), []);
    await shot(page, 'pages-3-library');
    assert.deepEqual(problems, []);
  }),
);

test('a stop sign that ends the session says what to do and is logged', { timeout: 120_000 }, async () =>
  withSignedInPerson('Sam', { width: 390, height: 844 }, async ({ page, problems, server }) => {
    await startFirstDueSession(page, server);
    await page.getByTestId('done-button').click();
    await page.getByTestId('stop-button').click();
    await page.getByLabel(/Numbness or tingling/).check();
    await page.getByRole('button', { name: 'Tell me what to do' }).click();
    await page.getByRole('heading', { name: 'Stop the session' }).waitFor();
    await page.getByText(/Numbness or pins and needles/).waitFor();
    // The finder for a medical check, in another tab: the session is not left unsaved.
    const finder = page.getByRole('link', { name: /Find a practitioner near you/ });
    assert.equal(await finder.getAttribute('href'), '/find?need=medical-check');
    assert.equal(await finder.getAttribute('target'), '_blank');
    await shot(page, 'pages-4-stop-advice');
    await page.getByRole('button', { name: 'End the session' }).click();
    await page.getByRole('button', { name: 'Save without soreness' }).click();
    await page.getByRole('heading', { name: /stopped early/ }).waitFor();
    await page.getByText(/Warning signs during the session/).waitFor();
    // Saved: the finder link once, in this tab.
    const saved = page.getByRole('link', { name: /Find a practitioner near you/ });
    assert.deepEqual(await saved.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target')])), [
      ['/find?need=medical-check', null],
    ]);
    const id = Number(await page.getByTestId('session-saved').getAttribute('data-session-id'));
    const s = await apiCall<{ stopped: boolean; stop_sign: string; steps: { status: string }[] }>(page, 'GET', `/sessions/${id}`);
    assert.equal(s.status, 200);
    assert.equal(s.body.stopped, true);
    assert.equal(s.body.stop_sign, 'numbness-tingling');
    assert.deepEqual(
      s.body.steps.map((x) => x.status),
      ['done', 'stopped'],
    );
    await shot(page, 'pages-5-stopped-saved');
    assert.deepEqual(problems, []);
  }),
);

test('every page fits a 360 px wide phone without sideways scrolling', { timeout: 180_000 }, async () =>
  withSignedInPerson('Pat', { width: 360, height: 740 }, async ({ page, problems, server }) => {
    // Each page after its content has arrived (the page's own heading).
    const pages: [string, RegExp][] = [
      ['/', /^Today$/],
      ['/setup', /^My details$/],
      ['/screening?again=1', /^Safety questions$/],
      ['/plan', /^My plan$/],
      ['/body', /^Body map$/],
      ['/journal', /^Journal$/],
      ['/progress', /^Progress$/],
      ['/library', /^Library$/],
    ];
    const tooWide: string[] = [];
    for (const [path, heading] of pages) {
      await page.goto(server.base + path);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) {
        const culprits = await page.evaluate(() =>
          Array.from(document.querySelectorAll('main *'))
            .filter((e) => e.getBoundingClientRect().right > 362)
            .slice(0, 6)
            .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`),
        );
        tooWide.push(`${path} is ${width}px wide (${culprits.join(', ')})`);
      }
    }
    // Progress: a pain table fits its card; the six-column week table may
    // scroll inside its card, as a labelled region the keyboard can reach.
    const pain = await apiCall(page, 'POST', '/journal/pain', { region: 'upper-trapezius', side: 'both', score: 4 });
    assert.equal(pain.status, 201);
    await page.goto(server.base + '/progress');
    await page.getByTestId('adherence').waitFor();
    for (const details of await page.locator('details.table-alt').all()) {
      await details.locator('summary').click();
      const box = details.locator('.table-scroll');
      const [scroll, client, focusable, label] = await box.evaluate((e) => [
        e.scrollWidth,
        e.clientWidth,
        (e as HTMLElement).tabIndex === 0,
        document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
      ]);
      const isPain = (await details.getByTestId('trend-table').count()) === 1;
      if (isPain && scroll > client) tooWide.push(`a pain table is ${scroll}px wide in a ${client}px card`);
      if (!focusable || !label) tooWide.push(`a table region without keyboard access or a label ("${label}")`);
    }
    assert.equal(await page.getByTestId('trend-table').locator('tbody tr').count(), 1);
    // The journal's other entry kinds, and a guided session's first card.
    await page.goto(server.base + '/journal');
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) tooWide.push(`/journal tab "${await tab.textContent()}" is ${width}px wide`);
    }
    await startFirstDueSession(page, server);
    await page.getByTestId('done-button').waitFor();
    const sessionWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (sessionWidth > 360) tooWide.push(`the session card is ${sessionWidth}px wide`);
    assert.deepEqual(tooWide, []);
    assert.deepEqual(problems, []);
  }),
);

/** What fascia keeps in the browser's local storage (a session in progress). */
function keptInBrowser(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fascia.')));
}

test('a session survives a reload: the steps done so far are kept, then saved once', { timeout: 180_000 }, async () =>
  withSignedInPerson('Pat', { width: 800, height: 900 }, async ({ page, problems, server }) => {
    await startFirstDueSession(page, server);
    await page.getByTestId('done-button').click();
    await page.getByText(/^Step 2 of/).waitFor();

    // The tab is reloaded (a phone dropped it): the first step is remembered.
    await page.reload();
    const resume = page.getByTestId('resume');
    await resume.getByText(/You got through 1 of \d+ steps/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start', exact: true }).count(), 0);
    await resume.getByRole('button', { name: 'Continue at step 2' }).click();
    await page.getByText(/^Step 2 of/).waitFor();

    // Stopped at step 2 and saved: one session with both steps.
    await page.getByTestId('stop-button').click();
    await page.getByLabel(/Numbness or tingling/).check();
    await page.getByRole('button', { name: 'Tell me what to do' }).click();
    await page.getByRole('button', { name: 'End the session' }).click();
    await page.getByRole('heading', { name: 'Session stopped' }).waitFor();
    await page.getByRole('button', { name: 'Save without soreness' }).click();
    await page.getByRole('heading', { name: /stopped early/ }).waitFor();
    const journal = await apiCall<{ sessions: { id: number }[] }>(page, 'GET', '/journal');
    assert.equal(journal.body.sessions.length, 1);
    const s = await apiCall<{ steps: { status: string }[] }>(page, 'GET', `/sessions/${journal.body.sessions[0].id}`);
    assert.deepEqual(
      s.body.steps.map((x) => x.status),
      ['done', 'stopped'],
    );
    // Saved, so nothing is kept in the browser any more.
    assert.deepEqual(await keptInBrowser(page), []);
    assert.deepEqual(problems, []);
  }),
);

test('logging out forgets a session in progress', { timeout: 120_000 }, async () =>
  withSignedInPerson('Pat', { width: 800, height: 900 }, async ({ page, problems, server }) => {
    await startFirstDueSession(page, server);
    await page.getByTestId('done-button').click();
    await page.getByText(/^Step 2 of/).waitFor();
    assert.equal((await keptInBrowser(page)).length, 1);
    await page.goto(server.base + '/');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/signin$/);
    assert.deepEqual(await keptInBrowser(page), []);
    assert.deepEqual(problems, []);
  }),
);
