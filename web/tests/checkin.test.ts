// After the steps, on a phone (390 × 844): a session the server cannot save
// (database locked: 503) stays in the browser and is saved by a retry, also
// after a reload, exactly once; then one check-in covers every area the
// session worked, "all clear" with one button or adjusted per area, and says
// from which day it counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import { apiCall, shot, startFirstDueSession, unlabelledControls, withSignedInPerson, type Server } from './harness';

const PHONE = { width: 390, height: 844 };

/** Presses Done on every card until the soreness question. */
async function doEveryStep(page: Page): Promise<void> {
  const soreness = page.getByText(/How sore do the worked areas feel now/);
  for (let i = 0; i < 40; i++) {
    await Promise.race([page.locator('article.step-card').waitFor(), soreness.waitFor()]);
    if (await soreness.isVisible()) return;
    await page.getByTestId('done-button').click();
  }
  throw new Error('the session never ended');
}

/** Holds the journal's write lock from another process (sqlite3 CLI) until released. */
async function lockDatabase(server: Server): Promise<() => Promise<void>> {
  const proc = spawn('sqlite3', [server.db], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stdin!.write('BEGIN EXCLUSIVE;\nSELECT \'locked\';\n');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sqlite3 did not take the lock')), 10000);
    proc.stdout!.on('data', (c: Buffer) => {
      if (c.toString().includes('locked')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return async () => {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.stdin!.end('ROLLBACK;\n.quit\n');
    await exited;
  };
}

test('a session the server cannot save stays in the browser and a retry saves it once', { timeout: 180_000 }, async () =>
  withSignedInPerson('Dee', PHONE, async ({ page, problems, server }) => {
    await startFirstDueSession(page, server);
    await doEveryStep(page);
    await page.locator('label.scale-choice').filter({ hasText: /^1$/ }).click();

    const release = await lockDatabase(server);
    await page.getByRole('button', { name: 'Save the session' }).click();
    await page.getByText(/database is busy/).waitFor({ timeout: 20000 });
    assert.equal(await page.getByTestId('session-saved').count(), 0);
    await shot(page, 'checkin-1-save-failed');

    // The steps survive a reload while the database is still locked.
    await page.reload();
    await page.getByTestId('resume').getByText(/not saved yet/).waitFor();
    await release();
    await page.getByRole('button', { name: 'Go on to save it' }).click();
    await page.locator('label.scale-choice').filter({ hasText: /^1$/ }).click();
    await page.getByRole('button', { name: 'Save the session' }).click();
    await page.getByTestId('session-saved').waitFor();
    const sessions = await apiCall<unknown[]>(page, 'GET', '/sessions');
    assert.equal(sessions.body.length, 1, 'exactly one session saved');
    // In the journal, the soreness given at the end is not called a check-in (it releases nothing).
    await page.goto(server.base + '/journal');
    const recent = page.getByTestId('journal-recent');
    await recent.getByText('Soreness after the session').first().waitFor();
    assert.equal(await recent.getByRole('cell', { name: 'Check-in', exact: true }).count(), 0);
    // The area list: the person's own areas first, then the rest by name.
    const areas = (await page.locator('select[id$="-region"]').first().locator('option').allInnerTexts()).slice(1);
    const rest = areas.slice(1);
    assert.deepEqual(rest, [...rest].sort((a, b) => a.localeCompare(b)), areas.join(' | '));
    const real = problems.filter((p) => !/status of 503/.test(p));
    assert.deepEqual(real, []);
  }),
);

test('one check-in covers every area of the session, with one button or per area', { timeout: 180_000 }, async () =>
  withSignedInPerson('Eve', PHONE, async ({ page, problems, server }) => {
    await startFirstDueSession(page, server);
    await doEveryStep(page);
    await page.getByRole('button', { name: 'Save without soreness' }).click();
    await page.getByTestId('session-saved').waitFor();
    await page.getByTestId('checkin-link').click();
    await page.waitForURL(/\/check-in\?session=\d+/);
    const areas = page.locator('fieldset.checkin-area');
    await areas.first().waitFor();
    const n = await areas.count();
    assert.ok(n >= 2, `several areas on one form (${n})`);
    await page.getByText(/from Tuesday, 24 November 2026 on/).first().waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    const allClear = await page.getByTestId('all-clear').boundingBox();
    assert.ok(allClear && allClear.y + allClear.height <= PHONE.height, 'the all-clear button is on the first screen');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `no sideways scrolling (${width}px)`);
    await shot(page, 'checkin-2-form');

    // One area is still red: adjust it, save all areas together.
    const first = areas.first();
    await first.getByLabel('Still red').check();
    await page.getByRole('button', { name: 'Save this check-in' }).click();
    const saved = page.getByTestId('checkin-saved');
    await saved.waitFor();
    assert.equal(await saved.locator('li').count(), n);
    assert.equal(await saved.getByText(/not yet settled/).count(), 1);
    await page.getByTestId('checkin-early').getByText(/from Tuesday, 24 November 2026 on/).waitFor();
    await shot(page, 'checkin-3-saved');
    const journal = await apiCall<{ reactions: { redness: boolean }[] }>(page, 'GET', '/journal');
    assert.equal(journal.body.reactions.filter((r) => r.redness).length, 1);
    assert.ok(journal.body.reactions.length >= n);

    // Without a session id, the page finds the latest session; all clear is one tap.
    await page.goto(server.base + '/check-in');
    await page.getByTestId('all-clear').click();
    await page.getByTestId('checkin-saved').waitFor();
    assert.equal(await page.getByTestId('checkin-saved').getByText(/not yet settled/).count(), 0);
    assert.deepEqual(problems, []);
  }),
);
