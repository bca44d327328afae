// Keyboard only: the guided session's tap target, its timer and its stop
// button can be reached with Tab and worked with Enter and Space; focus is
// visible. Also every form control on the session and stop pages is labelled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shot, tabTo, unlabelledControls, withSignedInPerson } from './harness';

test('the guided session works from the keyboard', { timeout: 120_000 }, async () =>
  withSignedInPerson('Kim', { width: 390, height: 844 }, async ({ page, problems, server }) => {
    await page.goto(server.base + '/');
    await page.getByRole('heading', { name: 'Due today' }).waitFor();

    await tabTo(page, 'button.primary.big');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/session\?protocol=/);
    await tabTo(page, 'button.primary.big');
    assert.equal(await page.evaluate(() => document.activeElement!.textContent), 'Start');
    await page.keyboard.press('Enter');
    await page.locator('article.step-card').waitFor();

    // Move on (Done, by keyboard) until a stroke card comes up.
    for (let i = 0; i < 10 && (await page.locator('article.step-card').getAttribute('data-unit')) !== 'strokes'; i++) {
      if ((await page.locator('article.step-card').getAttribute('data-unit')) === 'seconds') {
        await tabTo(page, '[data-testid="timer-button"]');
        await page.keyboard.press('Space');
        await page.getByTestId('timer-status').getByText('Counting down…').waitFor();
        await page.keyboard.press('Enter');
        await page.getByTestId('timer-status').getByText('Paused.').waitFor();
      }
      await tabTo(page, '[data-testid="done-button"]');
      await page.keyboard.press('Enter');
    }
    assert.equal(await page.locator('article.step-card').getAttribute('data-unit'), 'strokes');

    // The tap target: Enter and Space each count a stroke.
    await tabTo(page, '[data-testid="stroke-button"]');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible on the tap target');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.tap-count').textContent(), '3');
    await shot(page, 'keyboard-1-stroke-focus');

    // The stop button: reachable and it opens the stop questions.
    await tabTo(page, '[data-testid="stop-button"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'What made you stop?' }).waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    await tabTo(page, 'input[name="stop-sign"][value="sharp-pain"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Stop this step' }).waitFor();
    await page.getByText(/sharp pain is not/).waitFor();
    await shot(page, 'keyboard-2-stop-advice');
    await tabTo(page, 'button.primary.big');
    await page.keyboard.press('Enter');
    await page.locator('article.step-card').waitFor();
    assert.deepEqual(problems, []);
  }),
);
