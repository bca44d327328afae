// The way back to the safety questions after a practitioner's clearance (from
// a new-user trial): a warning sign is raised (by a stop sign in a session, or
// by an answer), a clearance is recorded (by the linked practitioner on the
// client's page, or by the person themselves), and the latest answers still
// say yes, so the plan stays held until the questions are answered again.
// Today says so in plain words and links to the questions; the navigation
// reaches them; Progress and the findings list say who cleared the warning
// sign and link to the questions instead of offering another clearance form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, checkPage, shot, withLinkedClient, withSignedInPerson } from './harness';

const WIDE = { width: 1100, height: 900 };
const PHONE = { width: 390, height: 844 };
const DAY = 'Monday, 23 November 2026'; // TODAY in words
const ARM = 'practitioner-arm-numbness-tingling';

interface TodayBody {
  blocked: boolean;
  due: { protocol: string; steps: { target: number }[] }[];
  next_condition: string | null;
}

/** Every question answered no, except `yes`, through the API. */
async function answer(page: Page, yes: string[] = []): Promise<void> {
  const qs = await apiCall<{ id: string; kind: string }[]>(page, 'GET', '/kb/questions');
  const answers: Record<string, { yes: boolean; regions?: never[] }> = {};
  for (const q of qs.body) answers[q.id] = q.kind === 'regions' ? { yes: yes.includes(q.id), regions: [] } : { yes: yes.includes(q.id) };
  const r = await apiCall(page, 'POST', '/screening', { answers });
  assert.equal(r.status, 201, JSON.stringify(r.body));
}

/** Answers every group of the safety questions with "None of these" on the page and sends them. */
async function answerNoneOnPage(page: Page): Promise<void> {
  const groups = page.locator('section.question-group');
  await groups.first().waitFor();
  for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByRole('button', { name: 'None of these' }).click();
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('heading', { name: 'Your result' }).waitFor();
}

test("after pat's clearance sam's answers still say yes: Today, the navigation and Progress lead back to the safety questions", { timeout: 240_000 }, async () =>
  withLinkedClient('sam', { pat: WIDE, client: PHONE }, async ({ server, pat, client: sam, clientId: samId }) => {
    // sam stops a session for numbness or tingling: the stop sign answers the arm question yes.
    const before = await apiCall<TodayBody>(sam.page, 'GET', '/today');
    const s = before.body.due[0];
    assert.ok(s, 'a session is due');
    const events = [{ kind: 'done', amount: s.steps[0].target }, { kind: 'stop', signs: ['numbness-tingling'] }];
    const run = await apiCall(sam.page, 'POST', '/sessions', { protocol: s.protocol, events });
    assert.equal(run.status, 201, JSON.stringify(run.body));

    // pat clears every area on sam's Screening tab; the form goes, and says the answers still hold it.
    await pat.page.goto(`${server.base}/clients/${samId}`);
    await pat.page.getByRole('tab', { name: 'Screening' }).click();
    const form = pat.page.getByTestId('client-clearance-form');
    const boxes = form.getByRole('checkbox');
    await boxes.first().waitFor();
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await form.getByRole('button', { name: 'Record the clearance' }).click();
    await pat.page.getByTestId('client-clearance-saved').getByText(/^Recorded: cleared by pat, North Physio/).waitFor();
    await pat.page
      .getByTestId('client-screening')
      .getByTestId('cleared-still-answered')
      .getByText(`Cleared by pat, North Physio on ${DAY}; their latest safety answers still say yes`, { exact: false })
      .waitFor();
    assert.equal(await form.count(), 0, 'no second clearance form for what pat has just cleared');

    // sam's Today: nothing due, what happens next in words, and the way to the questions.
    await sam.page.goto(server.base + '/');
    await sam.page.getByRole('heading', { name: 'No session today' }).waitFor();
    const next = sam.page.getByTestId('next-condition');
    await next.waitFor();
    assert.match(
      await next.innerText(),
      new RegExp(`Your next session comes after you answer the safety questions again: the clearance by pat, North Physio on ${DAY} is recorded, but your latest answers still say yes\\.`),
    );
    await checkPage(sam.page, PHONE.width, 'Today, held by the latest answers');
    await shot(sam.page, 'safety-return-1-today');

    // The navigation has the safety questions too.
    assert.equal(await sam.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Safety questions' }).count(), 1);

    // Progress: who cleared it, the link to the questions, and no second clearance form.
    await sam.page.goto(server.base + '/progress');
    const history = sam.page.getByTestId('warning-history');
    const item = history.locator(`li[data-rule="${ARM}"]`);
    await item.getByText(`Cleared on ${DAY} by pat, North Physio.`).waitFor();
    await item.getByTestId('answer-again').getByRole('link', { name: 'answer the safety questions again' }).waitFor();
    assert.equal(await history.getByRole('heading', { name: 'A practitioner has checked me' }).count(), 0, 'no second clearance form');
    assert.equal(await history.getByRole('button', { name: 'Record the clearance' }).count(), 0);
    await shot(sam.page, 'safety-return-2-progress');

    // From Today, the link opens the questions; answered no, the session is due again.
    await sam.page.goto(server.base + '/');
    await next.getByRole('link', { name: 'Answer the safety questions again' }).click();
    await sam.page.waitForURL(/\/screening\?again=1$/);
    await sam.page.getByRole('heading', { name: 'Safety questions', level: 1 }).waitFor();
    await sam.page.getByTestId('cleared-intro').waitFor();
    await answerNoneOnPage(sam.page);
    // The neck is back in the plan: nothing on Today names the warning sign or the questions any more.
    const after = await apiCall<{ not_today: { rule: string }[] }>(sam.page, 'GET', '/today');
    assert.ok(!after.body.not_today.some((r) => r.rule === ARM), JSON.stringify(after.body));
    await sam.page.goto(server.base + '/');
    await sam.page.getByRole('heading', { name: /^(Due today|No session today)$/ }).waitFor();
    assert.equal(await sam.page.locator(`main [data-rule="${ARM}"]`).count(), 0);
    assert.equal(await sam.page.locator('main').getByTestId('answer-again-link').count(), 0);
  }),
);

test('the person records their own clearance of a warning sign they still answer yes to: Today and Progress say to answer again', { timeout: 120_000 }, async () => {
  await withSignedInPerson('Kim', PHONE, async ({ page, server, problems }) => {
    await answer(page, ['recent-trauma']);
    const held = await apiCall<TodayBody>(page, 'GET', '/today');
    assert.equal(held.body.blocked, true, JSON.stringify(held.body));

    // Before any clearance: Today says a practitioner comes first, and links to the questions.
    await page.goto(server.base + '/');
    const blocked = page.getByTestId('plan-blocked');
    await blocked.getByTestId('next-condition').getByText(/after a practitioner has seen you and their clearance is recorded/).waitFor();
    await blocked.getByRole('link', { name: 'answer the safety questions again' }).waitFor();

    // Kim records Dr Lee's clearance on the Progress page.
    await page.goto(server.base + '/progress');
    const history = page.getByTestId('warning-history');
    await history.getByText('Still in force.').waitFor();
    await history.getByText(/Your latest safety answers still say yes, so once the clearance is recorded, answer the safety questions again\./).waitFor();
    await history.getByLabel('Who cleared you').fill('Dr Lee, physiotherapist');
    await history.getByRole('button', { name: 'Record the clearance' }).click();
    await history.getByText(`Cleared on ${DAY} by Dr Lee, physiotherapist.`).waitFor();
    await history.getByTestId('answer-again').getByRole('link', { name: 'answer the safety questions again' }).waitFor();
    assert.equal(await history.getByRole('button', { name: 'Record the clearance' }).count(), 0, 'no second clearance form');

    // Today: still blocked by the latest answers, and says that answering again is what is left.
    await page.goto(server.base + '/');
    const next = page.getByTestId('plan-blocked').getByTestId('next-condition');
    await next.waitFor();
    assert.match(
      await next.innerText(),
      new RegExp(`after you answer the safety questions again: the clearance by Dr Lee, physiotherapist on ${DAY} is recorded`),
    );
    await page.getByTestId('plan-blocked').getByRole('link', { name: 'answer the safety questions again' }).click();
    await page.waitForURL(/\/screening\?again=1$/);
    await page.getByRole('heading', { name: 'Safety questions', level: 1 }).waitFor();
    assert.deepEqual(problems, []);
  });
});

test('the findings list says who cleared a warning sign the latest answers still raise, with no second clearance form', { timeout: 120_000 }, async () => {
  await withSignedInPerson('Lou', PHONE, async ({ page, server, problems }) => {
    // A fever: see a doctor today, a warning sign that stays until cleared; the whole screen says so.
    await answer(page, ['fever']);
    await page.goto(server.base + '/');
    await page.getByRole('heading', { name: 'See a doctor today' }).waitFor();
    const form = page.locator('form.clearance-form');
    await form.getByLabel('Who cleared you').fill('Dr Ray, GP');
    await form.getByRole('button', { name: 'Record the clearance' }).click();
    // The finding now says who cleared it and links to the questions; the form is not offered again.
    const note = page.getByTestId('answer-again');
    await note.getByText(`Cleared by Dr Ray, GP on ${DAY}.`, { exact: false }).waitFor();
    assert.equal(await form.count(), 0, 'no second clearance form');
    await page.reload();
    await page.getByRole('heading', { name: 'See a doctor today' }).waitFor();
    await note.getByText(/Your latest safety answers still say yes to this, so answer the safety questions again\./).waitFor();
    await note.getByRole('link', { name: 'answer the safety questions again' }).click();
    await page.waitForURL(/\/screening\?again=1$/);
    await page.getByRole('heading', { name: 'Safety questions', level: 1 }).waitFor();
    await page.goto(server.base + '/');
    await page.getByRole('heading', { name: 'See a doctor today' }).waitFor();
    assert.equal(await page.locator('form.clearance-form').count(), 0, 'no second clearance form');
    assert.deepEqual(problems, []);
  });
});

// From a new-user trial: after pat cleared one area of a warning sign, the
// form offered that area again beside the others. Only the areas still to
// clear are offered.
test('a partial clearance leaves only the areas still to clear on the form', { timeout: 240_000 }, async () =>
  withLinkedClient('sam', { pat: WIDE, client: PHONE }, async ({ server, pat, client: sam, clientId: samId }) => {
    const before = await apiCall<TodayBody>(sam.page, 'GET', '/today');
    const s = before.body.due[0];
    assert.ok(s, 'a session is due');
    const events = [{ kind: 'done', amount: s.steps[0].target }, { kind: 'stop', signs: ['numbness-tingling'] }];
    assert.equal((await apiCall(sam.page, 'POST', '/sessions', { protocol: s.protocol, events })).status, 201);

    await pat.page.goto(`${server.base}/clients/${samId}`);
    await pat.page.getByRole('tab', { name: 'Screening' }).click();
    const form = pat.page.getByTestId('client-clearance-form');
    const boxes = form.getByRole('checkbox');
    await boxes.first().waitFor();
    const offered = await boxes.count();
    assert.ok(offered > 1, 'a sign on several areas');
    const first = (await form.locator('label.check').first().innerText()).trim();
    await boxes.first().check();
    await form.getByRole('button', { name: 'Record the clearance' }).click();
    await pat.page.getByTestId('client-clearance-saved').getByText(/^Recorded: cleared by pat, North Physio/).waitFor();
    await pat.page.reload();
    await pat.page.getByRole('tab', { name: 'Screening' }).click();
    await boxes.first().waitFor();
    assert.equal(await boxes.count(), offered - 1, 'the area cleared is not offered again');
    const labels = await form.locator('label.check').allInnerTexts();
    assert.ok(!labels.map((l) => l.trim()).includes(first), `${first} is not offered again: ${labels.join(' | ')}`);
  }),
);

// From a new-user trial: a client who does not share their screening could
// not be cleared in the browser (the form was only beside the answers),
// though their held program said "until a practitioner clears it". The
// Screening tab says the answers are not shared and offers to clear every
// warning sign; the client's own plan then follows the clearance.
test('a client who does not share their screening can still be cleared of every warning sign', { timeout: 240_000 }, async () =>
  withLinkedClient('sam', { pat: WIDE, client: PHONE }, async ({ server, pat, client: sam, clientId: samId }) => {
    const before = await apiCall<TodayBody>(sam.page, 'GET', '/today');
    const s = before.body.due[0];
    assert.ok(s, 'a session is due');
    const events = [{ kind: 'done', amount: s.steps[0].target }, { kind: 'stop', signs: ['numbness-tingling', 'radiating-pain'] }];
    assert.equal((await apiCall(sam.page, 'POST', '/sessions', { protocol: s.protocol, events })).status, 201);
    const links = await apiCall<{ id: number }[]>(sam.page, 'GET', '/links');
    const share = await apiCall(sam.page, 'PUT', `/links/${links.body[0].id}/share`, { journal: true, sessions: true, screening: false });
    assert.equal(share.status, 200, JSON.stringify(share.body));

    await pat.page.goto(`${server.base}/clients/${samId}`);
    await pat.page.getByRole('tab', { name: 'Sessions' }).click();
    // Both signs of the stop are kept and shown.
    await pat.page.getByTestId('client-sessions').getByText(/stopped early: Numbness or tingling and Pain spreading/).waitFor();
    await pat.page.getByRole('tab', { name: 'Screening' }).click();
    await pat.page.getByTestId('not-shared').waitFor();
    const form = pat.page.getByTestId('client-clearance-form');
    await form.getByTestId('clearance-without-screening').waitFor();
    await form.getByRole('button', { name: 'Record the clearance' }).click();
    await form.getByText('nothing is cleared unless you choose it', { exact: false }).waitFor();
    await form.getByRole('checkbox', { name: 'Every warning sign sam has, on every area' }).check();
    await form.getByRole('button', { name: 'Record the clearance' }).click();
    await pat.page.getByTestId('client-clearance-saved').getByText(/^Recorded: cleared by pat, North Physio/).waitFor();
    await shot(pat.page, 'clearance-without-screening');

    const clearances = await apiCall<{ by: string; regions: unknown[]; by_practitioner: boolean }[]>(sam.page, 'GET', '/clearances');
    assert.equal(clearances.status, 200, JSON.stringify(clearances.body));
    const last = clearances.body.at(-1)!;
    assert.equal(last.by, 'pat, North Physio');
    assert.deepEqual(last.regions, []);
    assert.equal(last.by_practitioner, true);
  }),
);
