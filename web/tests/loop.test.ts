// The whole loop in a real browser against a real server: first run →
// screening (all "no") → profile on the body map → plan calendar → guided
// session (every card: switch sides, stroke counter, countdown sped up with
// Playwright's clock) → soreness → a pain entry in the journal → progress
// with a chart and its table. Once at desktop width, once at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, axe, launch, newPage, pickArea, shot, startServer, unlabelledControls } from './harness';

async function noHorizontalScroll(page: Page, width: number) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= width, `page is ${sw}px wide at a ${width}px viewport`);
}

async function checkLabels(page: Page, where: string) {
  const bad = await unlabelledControls(page);
  assert.deepEqual(bad, [], `controls without a label on ${where}`);
}

for (const width of [1100, 360]) {
  test(`the whole loop at ${width} px`, { timeout: 240_000 }, async () => {
    const server = await startServer();
    const browser = await launch();
    const tag = width === 360 ? '-360' : '';
    try {
      const { page, problems } = await newPage(browser, { width, height: width === 360 ? 740 : 900 });
      await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });

      // First run: the one-time token logs in and lands on the safety questions.
      // Screening: nothing pre-chosen; submitting unanswered is refused per group.
      await page.goto(server.tokenUrl);
      await page.waitForURL(/\/screening$/);
      await page.getByText('not a diagnosis').first().waitFor();
      const groups = page.locator('section.question-group');
      await groups.first().waitFor();
      const g = await groups.count();
      assert.ok(g >= 4, `expected the screening groups, got ${g}`);
      assert.equal(await page.locator('input[type=radio]:checked').count(), 0, 'no pre-checked answers');
      await checkLabels(page, 'screening');
      if (width === 360) await noHorizontalScroll(page, 360);
      await page.getByRole('button', { name: 'See my result' }).click();
      assert.equal(await page.locator('section.question-group:has(.field-error)').count(), g, 'every group marked');
      // The emergency questions one by one, the other groups with "None of these".
      await groups.first().getByRole('button', { name: 'One or more apply' }).click();
      const first = groups.first().locator('fieldset.question');
      for (let i = 0; i < (await first.count()); i++) await first.nth(i).getByLabel('No', { exact: true }).check();
      for (let i = 1; i < g; i++) await groups.nth(i).getByRole('button', { name: 'None of these' }).click();
      await shot(page, 'loop-2-screening' + tag);
      await page.getByRole('button', { name: 'See my result' }).click();
      await page.getByRole('heading', { name: /Fine to start/ }).waitFor();
      await page.getByRole('button', { name: /Next: where it hurts/ }).click();

      // Then the profile form.
      await page.waitForURL(/\/setup$/);
      await page.getByRole('heading', { name: /Welcome/ }).waitFor();
      await checkLabels(page, 'setup');
      if (width === 360) await noHorizontalScroll(page, 360);

      // Body map: a practitioner-only area cannot be chosen.
      await pickArea(page, 'scalenes', 'left');
      await page.getByText(/not for self-treatment/i).first().waitFor();
      assert.equal(await page.locator('li.target[data-region="scalenes"]').count(), 0);

      // Choose the upper trapezius on both sides from the back figure.
      await pickArea(page, 'upper-trapezius', 'left');
      await pickArea(page, 'upper-trapezius', 'right');
      assert.equal(await page.locator('[data-region="upper-trapezius"][aria-pressed="true"]').count(), 2);
      assert.equal(await page.locator('#side-upper-trapezius').inputValue(), 'both');

      // Saving without a pain score shows the message next to the field.
      await page.getByRole('button', { name: /Save and see my plan/ }).click();
      await page.locator('li.target[data-region="upper-trapezius"] .field-error').waitFor();
      await page.locator('#pain-upper-trapezius').selectOption('6');
      await page.getByLabel(/Starter kit/).check();
      for (const day of ['Monday', 'Wednesday', 'Friday']) await page.getByLabel(day, { exact: true }).check();
      await page.locator('#p-minutes').fill('20');
      await shot(page, 'loop-1-profile' + tag);
      await page.getByRole('button', { name: /Save and see my plan/ }).click();

      // Plan: a calendar with sessions; today has one.
      await page.waitForURL(/\/plan$/);
      await page.locator('table.month').first().waitFor();
      const sessionDays = await page.locator('table.month td.session').count();
      assert.ok(sessionDays >= 4, `expected several session days, got ${sessionDays}`);
      assert.ok((await page.locator('table.month td.rest').count()) > 0, 'rest days shown');
      assert.equal(await page.locator('table.month td.review').count(), 1, 'one review day');
      await page.locator('td.today.session').waitFor();
      await checkLabels(page, 'plan');
      await shot(page, 'loop-3-plan' + tag);
      if (width === 360) await noHorizontalScroll(page, 360);
      // A rest day says why there is no session.
      await page.locator('table.month td.rest:not(.outside) button').first().click();
      await page.getByTestId('day-details').getByText(/Rest day/).waitFor();
      await page.locator('td.today button').click();
      await page.getByRole('button', { name: 'Start this session' }).click();

      // Guided session.
      await page.waitForURL(/\/session\?protocol=/);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      const seen = { strokes: 0, seconds: 0, switch: 0 };
      let cards = 0;
      for (;;) {
        const card = page.locator('article.step-card');
        const soreness = page.getByText(/How sore do the worked areas feel now/);
        await Promise.race([card.waitFor(), soreness.waitFor()]);
        if (await soreness.isVisible()) break;
        cards++;
        const pos = await page.locator('.session-pos').textContent();
        assert.match(pos ?? '', new RegExp(`Step ${cards} of \\d+`));
        const cuesBefore = Number((await page.evaluate(() => document.body.dataset.cues)) ?? 0);
        if (await page.locator('.switch-cue').isVisible()) {
          seen.switch++;
          assert.match((await page.locator('.switch-cue').textContent()) ?? '', /Switch sides.*right/);
        }
        const unit = await card.getAttribute('data-unit');
        if (unit === 'strokes') {
          seen.strokes++;
          const of = (await page.locator('.tap-of').textContent()) ?? '';
          const target = Number(/of (\d+)/.exec(of)![1]);
          const button = page.getByTestId('stroke-button');
          for (let i = 0; i < target; i++) await button.click();
          await page.getByTestId('stroke-status').getByText('Target reached.').waitFor();
          assert.equal(await page.locator('.tap-count').textContent(), String(target));
        } else {
          seen.seconds++;
          const label = (await page.getByTestId('timer-button').textContent()) ?? '';
          const target = Number(/Start (\d+) s/.exec(label)![1]);
          await page.getByTestId('timer-button').click();
          await page.getByTestId('timer-status').getByText('Counting down…').waitFor();
          await page.clock.fastForward(target * 1000 + 200);
          await page.getByTestId('timer-status').getByText('Time is up.').waitFor();
          assert.equal(await page.locator('.ring-text').textContent(), '0');
        }
        // The end-of-step cue (beep and vibration) fired once for this card.
        await page.waitForFunction((b) => Number(document.body.dataset.cues ?? 0) === b + 1, cuesBefore);
        if (cards === 2) {
          await shot(page, 'loop-4-session-card' + tag);
          if (width === 360) await noHorizontalScroll(page, 360);
        }
        if (seen.switch === 1 && (await page.locator('.switch-cue').isVisible())) await shot(page, 'loop-5-switch-sides' + tag);
        await page.getByTestId('done-button').click();
      }
      assert.ok(seen.strokes > 0 && seen.seconds > 0 && seen.switch > 0, 'saw ' + JSON.stringify(seen));

      // Soreness, then the session is saved.
      await page.locator('label.scale-choice').filter({ hasText: /^2$/ }).click();
      await page.getByRole('button', { name: 'Save the session' }).click();
      const saved = page.getByTestId('session-saved');
      await saved.waitFor();
      assert.match((await saved.textContent()) ?? '', new RegExp(`${cards} of ${cards} step cards done`));
      const sessionId = Number(await saved.getAttribute('data-session-id'));
      const stored = await apiCall<{ steps: { status: string }[] }>(page, 'GET', `/sessions/${sessionId}`);
      assert.equal(stored.status, 200);
      assert.equal(stored.body.steps.length, cards);
      assert.ok(stored.body.steps.every((s) => s.status === 'done'));
      await shot(page, 'loop-6-saved' + tag);

      // Journal: a pain entry.
      await page.getByRole('button', { name: 'Open the journal' }).click();
      await page.waitForURL(/\/journal$/);
      await page.locator('#pain-region').selectOption('upper-trapezius');
      await page.locator('#pain-score').selectOption('4');
      await checkLabels(page, 'journal');
      await page.getByRole('button', { name: 'Save entry' }).click();
      await page.locator('.entry-form .ok').waitFor();
      await page.getByTestId('journal-recent').getByText(/Top of the shoulder.*4\/10/).waitFor();
      const journal = await apiCall<{ pain: { score: number }[] }>(page, 'GET', '/journal');
      assert.ok(journal.body.pain.some((p) => p.score === 4));
      await shot(page, 'loop-7-journal' + tag);

      // Progress: a chart (canvas) and its table.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
      await page.waitForURL(/\/progress$/);
      const trend = page.getByTestId('trend').first();
      await trend.locator('canvas').waitFor();
      const box = await trend.locator('canvas').boundingBox();
      assert.ok(box && box.width > 100 && box.height > 100, 'chart drawn: ' + JSON.stringify(box));
      await trend.getByText('Show as a table').click();
      const table = trend.getByTestId('trend-table');
      await table.waitFor();
      assert.ok((await table.locator('tbody tr').count()) >= 1);
      await table.locator('td', { hasText: /^4$/ }).first().waitFor();
      await page.getByTestId('adherence').locator('canvas').waitFor();
      await shot(page, 'loop-8-progress' + tag);

      if (width === 360) await noHorizontalScroll(page, 360);
      const violations = await axe(page, ['label', 'button-name', 'color-contrast', 'link-name', 'select-name']);
      assert.deepEqual(violations, [], 'axe on progress');
      assert.deepEqual(problems, [], 'CSP violations or page errors');
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
