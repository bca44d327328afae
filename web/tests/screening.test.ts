// The safety questions on a phone: on a first run they come before the
// profile, emergency and urgent groups first; each group has one "None of
// these" that answers every question of the group with an explicit no (each
// answer still posted on its own); nothing is pre-answered; a region question
// is answered with areas and sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, newPage, shot, startServer } from './harness';

interface Question {
  id: string;
  group: string;
  kind: string;
}

async function firstRun(width: number, height: number, body: (page: Page, qs: Question[]) => Promise<void>) {
  const server = await startServer();
  const browser = await launch();
  try {
    const { page, problems } = await newPage(browser, { width, height });
    await page.goto(server.tokenUrl);
    await page.waitForURL(/\/screening$/);
    await page.locator('section.question-group').first().waitFor();
    const qs = await page.evaluate(async () => {
      const r = await fetch('/api/v1/kb/questions', { credentials: 'same-origin' });
      return (await r.json()) as Question[];
    });
    await body(page, qs);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const postedAnswers = (page: Page) =>
  page
    .waitForRequest((r) => r.url().endsWith('/api/v1/screening') && r.method() === 'POST')
    .then((r) => (r.postDataJSON() as { answers: Record<string, { yes: boolean; regions?: unknown[] }> }).answers);

test('first run at 390 px: the safety questions come first, emergency and urgent groups at the top, "None of these" per group', { timeout: 120_000 }, async () =>
  firstRun(390, 844, async (page, qs) => {
    // No profile form before the questions; the emergency group first, then the urgent ones.
    assert.equal(await page.locator('#p-name').count(), 0, 'no profile form');
    const groups = await page.locator('section.question-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    assert.equal(groups[0], 'emergency');
    const urgentGroups = ['trauma', 'serious'].filter((g) => qs.some((q) => q.group === g));
    assert.deepEqual(groups.slice(1, 1 + urgentGroups.length), urgentGroups, 'urgent groups next: ' + groups.join(', '));
    // Nothing pre-answered.
    assert.equal(await page.locator('input[type=radio]:checked').count(), 0);
    const before = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`# screening page height at 390 px: ${before} px`);
    assert.ok(before < 4500, `page height ${before} px`);
    await shot(page, 'screening-390-start');

    // "None of these" for every group but the last: the last group is still unanswered, so submitting is refused there.
    const sections = page.locator('section.question-group');
    const n = await sections.count();
    for (let i = 0; i < n - 1; i++) await sections.nth(i).getByRole('button', { name: 'None of these' }).click();
    assert.equal(await page.getByTestId('group-done').count(), n - 1, 'answered groups fold away');
    await page.getByRole('button', { name: 'See my result' }).click();
    assert.equal(await sections.nth(n - 1).locator('.field-error').count(), 1, 'the unanswered group is marked');
    assert.equal(await page.locator('.field-error').count(), 1, 'only there');
    // An answered group can be opened again: each of its answers is an explicit no.
    await sections.nth(0).getByRole('button', { name: 'Show or change' }).click();
    assert.equal(await sections.nth(0).locator('input[value="no"]:checked').count(), qs.filter((q) => q.group === 'emergency').length);
    await sections.nth(n - 1).getByRole('button', { name: 'None of these' }).click();
    const after = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`# screening page height after "None of these" for each group: ${after} px`);
    await shot(page, 'screening-390-answered');

    const posted = postedAnswers(page);
    await page.getByRole('button', { name: 'See my result' }).click();
    const answers = await posted;
    assert.deepEqual(Object.keys(answers).sort(), qs.map((q) => q.id).sort(), 'every question posted');
    for (const q of qs) assert.equal(answers[q.id].yes, false, q.id + ' answered no explicitly');

    // Then the profile, never before.
    await page.getByRole('heading', { name: /Fine to start/ }).waitFor();
    await page.getByRole('button', { name: /Next: where it hurts/ }).click();
    await page.waitForURL(/\/setup$/);
    await page.locator('#p-name').waitFor();
  }));

test('an urgent answer at 360 px shows the full-screen message and never the profile form', { timeout: 120_000 }, async () =>
  firstRun(360, 740, async (page, qs) => {
    const fever = qs.find((q) => q.id === 'fever');
    assert.ok(fever, 'the knowledge base has the fever question');
    const groups = page.locator('section.question-group');
    for (let i = 0; i < (await groups.count()); i++) {
      const g = groups.nth(i);
      if ((await g.getAttribute('data-group')) === fever.group) {
        await g.getByRole('button', { name: 'One or more apply' }).click();
        for (const q of qs.filter((x) => x.group === fever.group))
          await g.locator(`fieldset[data-question="${q.id}"]`).getByLabel(q.id === 'fever' ? 'Yes' : 'No', { exact: true }).check();
      } else await g.getByRole('button', { name: 'None of these' }).click();
    }
    await page.getByRole('button', { name: 'See my result' }).click();
    await page.getByRole('alertdialog').getByRole('heading', { name: 'See a doctor today' }).waitFor();
    await page.goto(page.url().replace(/\/[^/]*$/, '/setup'));
    await page.getByRole('alertdialog').getByRole('heading', { name: 'See a doctor today' }).waitFor();
    assert.equal(await page.locator('#p-name').count(), 0, 'no profile form');
  }));

test('a region answer is sent as areas with a side', { timeout: 120_000 }, async () =>
  firstRun(390, 844, async (page, qs) => {
    const regionQ = qs.find((q) => q.kind === 'regions');
    assert.ok(regionQ, 'a region question');
    const groups = page.locator('section.question-group');
    for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByRole('button', { name: 'None of these' }).click();
    const g = page.locator(`section.question-group[data-group="${regionQ.group}"]`);
    await g.getByRole('button', { name: 'Show or change' }).click();
    const field = page.locator(`fieldset[data-question="${regionQ.id}"]`);
    await field.getByLabel('Yes', { exact: true }).check();
    await field.getByRole('checkbox', { name: /^Calf/ }).check();
    // A paired area needs its side: nothing is chosen for it.
    await page.getByRole('button', { name: 'See my result' }).click();
    await field.locator('.field-error').getByText(/side/).waitFor();
    await field.locator('fieldset.side-choice[data-region="calves"]').getByLabel('Left', { exact: true }).check();
    const posted = postedAnswers(page);
    const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/screening') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'See my result' }).click();
    const answers = await posted;
    assert.deepEqual(answers[regionQ.id], { yes: true, regions: [{ region: 'calves', side: 'left' }] });
    assert.equal((await response).status(), 201, 'the server takes areas with sides');
  }));
