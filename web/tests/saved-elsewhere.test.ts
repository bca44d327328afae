// From a new-user trial: the same session run in two browsers; the second
// save was refused (nothing due any more) with "Try again in a moment",
// which could never work, and its steps stayed kept with no way to drop them.
// Now a refusal for good says so, points to the journal, and offers to
// discard the steps kept in this browser. The other browser's save is made
// through the API with the same cookie, as another device would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, startFirstDueSession, withSignedInPerson } from './harness';

test('a session already saved elsewhere is refused for good, and its kept steps can be discarded', { timeout: 180_000 }, async () => {
  await withSignedInPerson('Dee', { width: 390, height: 844 }, async ({ page, server, problems }) => {
    await startFirstDueSession(page, server);
    const protocol = await page.evaluate(() => new URLSearchParams(location.search).get('protocol') ?? '');
    // Skip every card to the soreness question.
    const soreness = page.getByRole('button', { name: 'Save without soreness' });
    for (let i = 0; i < 40 && !(await soreness.isVisible()); i++) await page.locator('.skip-button').click();
    await soreness.waitFor();
    const keptBefore = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fascia.session-progress.')).length);
    assert.ok(keptBefore > 0, 'the steps are kept in this browser');

    // Meanwhile the same session is done in full and saved from another device.
    interface Step { per_side: boolean; side: string; target: number; pressure: number[] | null }
    const today = await apiCall<{ due: { protocol: string; steps: Step[] }[] }>(page, 'GET', '/today');
    const due = today.body.due.find((d) => d.protocol === protocol)!;
    const events = due.steps
      .flatMap((step) => (step.per_side && step.side === 'both' ? [step, step] : [step]))
      .map((step) => ({ kind: 'done', amount: step.target, ...(step.pressure ? { pressure: step.pressure[0] } : {}) }));
    const elsewhere = await apiCall(page, 'POST', '/sessions', { protocol, events });
    assert.equal(elsewhere.status, 201, JSON.stringify(elsewhere.body));

    await soreness.click();
    const note = page.getByTestId('kept-note');
    await note.getByText(/Trying again will not help/).waitFor();
    assert.doesNotMatch((await note.textContent()) ?? '', /Try again in a moment/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling: ${width}px`);
    await note.getByRole('button', { name: 'Discard these steps' }).click();
    await page.waitForURL(/\/journal$/);
    const keptAfter = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fascia.session-progress.')).length);
    assert.equal(keptAfter, keptBefore - 1, 'the kept steps are gone');
    assert.deepEqual(problems, [], 'CSP violations or page errors');
  });
});
