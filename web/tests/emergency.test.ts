// The emergency path: a yes to an emergency question shows the full-screen
// message with what to do, and no plan can be reached (the plan page shows
// the block, the API refuses a plan too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, launch, newPage, shot, startServer } from './harness';

test('an emergency answer shows the full-screen message and no plan', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launch();
  try {
    const { page, problems } = await newPage(browser, { width: 390, height: 844 });
    await page.goto(server.tokenUrl);
    await page.waitForURL(/\/setup$/);
    await page.locator('[data-region="upper-trapezius"][data-side="left"]').click();
    await page.locator('#pain-upper-trapezius').selectOption('5');
    await page.getByLabel(/No equipment yet/).check();
    await page.getByLabel('Tuesday', { exact: true }).check();
    await page.getByRole('button', { name: /Save and go to the safety questions/ }).click();
    await page.waitForURL(/\/screening$/);

    const questions = page.locator('fieldset.question');
    await questions.first().waitFor();
    const emergencyIds = await page.evaluate(async () => {
      const r = await fetch('/api/v1/kb/questions', { credentials: 'same-origin' });
      const qs = (await r.json()) as { id: string; group: string }[];
      return qs.filter((q) => q.group === 'emergency').map((q) => q.id);
    });
    assert.ok(emergencyIds.length > 0, 'the knowledge base has emergency questions');
    const n = await questions.count();
    for (let i = 0; i < n; i++) {
      const id = await questions.nth(i).getAttribute('data-question');
      await questions.nth(i).getByLabel(id === emergencyIds[0] ? 'Yes' : 'No', { exact: true }).check();
    }
    await page.getByRole('button', { name: 'See my result' }).click();

    // Full screen, with what to do.
    const alarm = page.getByRole('alertdialog');
    await alarm.waitFor();
    await alarm.getByRole('heading', { name: 'Get help now' }).waitFor();
    await alarm.locator('#alarm-what').getByText(/emergency number/).waitFor();
    const box = await alarm.boundingBox();
    assert.ok(box && box.width >= 389 && box.height >= 843, 'covers the screen: ' + JSON.stringify(box));
    assert.equal(await page.getByRole('link', { name: /plan/i }).count(), 0, 'no link to a plan');
    assert.equal(await page.getByRole('button', { name: /plan/i }).count(), 0, 'no button to a plan');
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no navigation behind it');
    await shot(page, 'emergency-1-full-screen');

    // Home shows it again after a reload.
    await page.goto(server.base + '/');
    await page.getByRole('alertdialog').getByRole('heading', { name: 'Get help now' }).waitFor();

    // The plan page shows the block and no calendar.
    await page.goto(server.base + '/plan');
    await page.getByTestId('plan-blocked').waitFor();
    assert.equal(await page.locator('table.month').count(), 0, 'no calendar');
    assert.equal(await page.getByRole('button', { name: /Start/ }).count(), 0, 'nothing to start');
    await shot(page, 'emergency-2-plan-blocked');

    // The session page too.
    await page.goto(server.base + '/session');
    await page.getByTestId('plan-blocked').waitFor();
    assert.equal(await page.locator('article.step-card').count(), 0);

    // And the API agrees: no dated sessions.
    const plan = await apiCall<{ blocked?: boolean; days?: unknown[] }>(page, 'GET', '/plan');
    assert.ok(
      (plan.status === 200 && plan.body.blocked === true && (plan.body.days ?? []).length === 0) || plan.status === 409,
      'GET /plan: ' + JSON.stringify(plan).slice(0, 300),
    );
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
