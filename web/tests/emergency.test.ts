// The emergency path: on a first run the safety questions come before the
// profile; a yes to an emergency question shows what to do at once, then the
// full-screen message, and neither the profile form nor a plan can be reached (the plan page shows
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
    // The safety questions come first: no profile form before them.
    await page.waitForURL(/\/screening$/);
    const questions = page.locator('fieldset.question');
    await page.locator('section.question-group').first().waitFor();
    assert.equal(await page.locator('#p-name').count(), 0, 'no profile form');
    const emergencyIds = await page.evaluate(async () => {
      const r = await fetch('/api/v1/kb/questions', { credentials: 'same-origin' });
      const qs = (await r.json()) as { id: string; group: string }[];
      return qs.filter((q) => q.group === 'emergency').map((q) => q.id);
    });
    assert.ok(emergencyIds.length > 0, 'the knowledge base has emergency questions');
    // The first questions on the page are the emergency ones.
    const first = page.locator('section.question-group').first();
    assert.equal(await first.getAttribute('data-group'), 'emergency');
    assert.equal(await first.locator('li[data-statement]').first().getAttribute('data-statement'), emergencyIds[0]);
    await first.getByRole('button', { name: 'One or more apply' }).click();
    assert.equal(await questions.first().getAttribute('data-question'), emergencyIds[0]);
    await questions.first().getByLabel('Yes', { exact: true }).check();
    // What to do now shows at once, and the full result is one tap away:
    // nothing else has to be answered first.
    await page.getByTestId('emergency-now').getByText(/emergency number/).waitFor();
    await page.getByTestId('emergency-now').getByRole('button', { name: 'Show me what to do now' }).click();

    // Full screen, with what to do.
    const alarm = page.getByRole('alertdialog');
    await alarm.waitFor();
    await alarm.getByRole('heading', { name: 'Get help now' }).waitFor();
    await alarm.locator('#alarm-what').getByText(/emergency number/).waitFor();
    const box = await alarm.boundingBox();
    assert.ok(box && box.width >= 389 && box.height >= 843, 'covers the screen: ' + JSON.stringify(box));
    // Stored as a whole screening: the yes given, every question not reached recorded as no.
    const { body: stored } = await apiCall<{ answers: Record<string, { yes: boolean }> }>(page, 'GET', '/screening');
    assert.equal(stored.answers[emergencyIds[0]]?.yes, true);
    const others = Object.entries(stored.answers).filter(([id]) => id !== emergencyIds[0]);
    assert.ok(others.length > 20 && others.every(([, a]) => a.yes === false), JSON.stringify(stored.answers));
    assert.equal(await page.getByRole('link', { name: /plan/i }).count(), 0, 'no link to a plan');
    assert.equal(await page.getByRole('button', { name: /plan/i }).count(), 0, 'no button to a plan');
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no navigation behind it');
    await shot(page, 'emergency-1-full-screen');

    // Home shows it again after a reload, and the profile form is never asked for.
    await page.goto(server.base + '/');
    await page.getByRole('alertdialog').getByRole('heading', { name: 'Get help now' }).waitFor();
    assert.ok(!page.url().endsWith('/setup'), 'not sent to set-up: ' + page.url());
    await page.goto(server.base + '/setup');
    await page.getByRole('alertdialog').getByRole('heading', { name: 'Get help now' }).waitFor();
    assert.equal(await page.locator('#p-name').count(), 0, 'no profile form behind the alarm');

    // The plan page shows the block and no calendar.
    await page.goto(server.base + '/plan');
    await page.getByTestId('plan-blocked').waitFor();
    assert.equal(await page.locator('table.month').count(), 0, 'no calendar');
    assert.equal(await page.getByRole('button', { name: /Start/ }).count(), 0, 'nothing to start');
    await shot(page, 'emergency-2-plan-blocked');

    // The session page too (without a profile, the full-screen message itself).
    await page.goto(server.base + '/session');
    await page.getByTestId('plan-blocked').or(page.getByRole('alertdialog')).first().waitFor();
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
