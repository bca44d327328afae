// The step card on a phone (390 × 844): going back from Stop keeps the strokes
// counted and the time a countdown has run (also after a reload), and what to
// do is read before the controls: the instruction starts above the counter or
// countdown, on the first screen, while the control and Done/Stop stay docked
// at the bottom, wholly visible and within thumb reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { shot, startFirstDueSession, withSignedInPerson } from './harness';

const PHONE = { width: 390, height: 844 };

/** Presses Done until a card of `unit` comes up. */
async function moveToCard(page: Page, unit: 'strokes' | 'seconds'): Promise<void> {
  const card = page.locator('article.step-card');
  for (let i = 0; i < 12; i++) {
    await card.waitFor();
    if ((await card.getAttribute('data-unit')) === unit) return;
    await page.getByTestId('done-button').click();
  }
  throw new Error(`no ${unit} card within 12 steps`);
}

async function stopThenGoBack(page: Page): Promise<void> {
  await page.getByTestId('stop-button').click();
  await page.getByRole('heading', { name: 'What made you stop?' }).waitFor();
  // On the first screen, without scrolling down the list of signs.
  await page.evaluate(() => window.scrollTo(0, 0));
  const back = page.getByRole('button', { name: 'None of these: go back to the step' });
  const box = await back.boundingBox();
  assert.ok(box && box.y + box.height <= PHONE.height, `"go back" is on the first screen (${JSON.stringify(box)})`);
  await back.click();
  await page.locator('article.step-card').waitFor();
}

test('going back from Stop keeps the strokes counted, also after a reload', { timeout: 120_000 }, async () =>
  withSignedInPerson('Ada', PHONE, async ({ page, problems, server }) => {
    await startFirstDueSession(page, server);
    await moveToCard(page, 'strokes');
    const title = await page.locator('#card-title').textContent();
    for (let i = 0; i < 5; i++) await page.getByTestId('stroke-button').click();
    assert.equal(await page.locator('.tap-count').textContent(), '5');
    await stopThenGoBack(page);
    assert.equal(await page.locator('#card-title').textContent(), title, 'the same step');
    assert.equal(await page.locator('.tap-count').textContent(), '5', 'the count survives going back from Stop');
    // The count is kept with the session's progress in this browser.
    await page.reload();
    await page.getByRole('button', { name: /^Continue at step/ }).click();
    await page.locator('article.step-card').waitFor();
    assert.equal(await page.locator('#card-title').textContent(), title);
    assert.equal(await page.locator('.tap-count').textContent(), '5', 'the count survives a reload');
    assert.deepEqual(problems, []);
  }),
);

test('going back from Stop keeps the time a countdown has run', { timeout: 120_000 }, async () =>
  withSignedInPerson('Bea', PHONE, async ({ page, problems, server }) => {
    await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
    await startFirstDueSession(page, server);
    await moveToCard(page, 'seconds');
    const label = (await page.getByTestId('timer-button').textContent()) ?? '';
    const target = Number(/Start (\d+) s/.exec(label)![1]);
    assert.ok(target > 10, `a countdown long enough to test (${target} s)`);
    await page.getByTestId('timer-button').click();
    await page.getByTestId('timer-status').getByText('Counting down…').waitFor();
    await page.clock.fastForward(7000);
    await page.getByTestId('timer-button').click(); // pause
    await page.getByTestId('timer-status').getByText('Paused.').waitFor();
    const left = await page.locator('.ring-text').textContent();
    assert.equal(left, String(target - 7));
    await stopThenGoBack(page);
    assert.equal(await page.locator('.ring-text').textContent(), left, 'the remaining time survives going back');
    await page.getByTestId('timer-status').getByText('Paused.').waitFor();
    // A countdown still running when Stop is pressed keeps its time too (it pauses).
    await page.getByTestId('timer-button').click();
    await page.clock.fastForward(3000);
    await stopThenGoBack(page);
    assert.equal(await page.locator('.ring-text').textContent(), String(target - 10));
    assert.deepEqual(problems, []);
  }),
);

test('the instruction comes before the controls, on the first screen', { timeout: 120_000 }, async () =>
  withSignedInPerson('Cy', PHONE, async ({ page, problems, server }) => {
    await startFirstDueSession(page, server);
    for (const unit of ['seconds', 'strokes'] as const) {
      await moveToCard(page, unit);
      await page.evaluate(() => window.scrollTo(0, 0));
      const instruction = await page.locator('article.step-card .instruction').boundingBox();
      const control = await page.locator(unit === 'seconds' ? '.timer' : '.counter').boundingBox();
      assert.ok(instruction && control);
      // What to do starts on the first screen, above the control, and is read before it.
      assert.ok(instruction.y < control.y, `instruction starts above the ${unit} control (${JSON.stringify({ instruction, control })})`);
      assert.ok(instruction.y + 40 <= control.y, `the instruction's first lines show above the ${unit} control`);
      // The big controls stay within thumb reach at the bottom of the screen.
      const bar = await page.locator('.session-bar').boundingBox();
      assert.ok(bar && bar.y + bar.height <= PHONE.height + 1 && bar.y >= PHONE.height / 2, 'Done and Stop at the bottom');
      const start = await page.locator(unit === 'seconds' ? '[data-testid="timer-button"]' : '[data-testid="stroke-button"]').boundingBox();
      assert.ok(start && bar, `the ${unit} control is laid out`);
      // Wholly on the first screen, not behind the bar, and in the lower half where a thumb reaches.
      assert.ok(start.y + start.height <= bar.y + 0.5, `the ${unit} control ends above Done and Stop (${JSON.stringify({ start, bar })})`);
      assert.ok(start.y >= PHONE.height / 3, `the ${unit} control sits low enough for a thumb (${JSON.stringify({ start })})`);
      const hit = await page.evaluate(
        ([x, y, id]) => document.elementFromPoint(x, y)?.closest(`[data-testid="${id}"]`) !== null,
        [start.x + start.width / 2, start.y + 8, unit === 'seconds' ? 'timer-button' : 'stroke-button'] as const,
      );
      assert.ok(hit, `a tap near the top of the ${unit} control reaches it`);
      // Scrolled to its end, the whole instruction shows above the docked control, which stays in reach.
      await page.locator('article.step-card .instruction').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await page.evaluate(() => window.scrollBy(0, document.querySelector('.session-dock')!.getBoundingClientRect().height));
      const readAll = await page.locator('article.step-card .instruction').boundingBox();
      const dockAfter = await page.locator('.session-dock').boundingBox();
      assert.ok(readAll && dockAfter && readAll.y + readAll.height <= dockAfter.y, `the instruction can be read in full (${unit})`);
      assert.ok(dockAfter.y >= PHONE.height / 3 && dockAfter.y + dockAfter.height <= PHONE.height + 1, `the ${unit} control stays docked at the bottom`);
      await shot(page, `step-card-order-${unit}`);
    }
    assert.deepEqual(problems, []);
  }),
);
