// Issue 8 (points 4, 5, 16) at phone size (390 px): "why not today" is one
// line per rule with its areas named once and dates in the same long style
// as the headings; referral suggestions come with their warnings; the week-4
// review says how many of the planned sessions were done; a warning a stop
// sign raised stays in the progress history, named as such (point 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, withSignedInPerson } from './harness';

const PHONE = { width: 390, height: 844 };
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

interface Step {
  target: number;
  per_side: boolean;
  side: string;
}
interface TodayBody {
  due: { protocol: string; steps: Step[] }[];
  not_today: { rule: string }[];
}

test('why not today after one session on four areas: one line per rule, areas once, long dates', { timeout: 120_000 }, async () => {
  await withSignedInPerson('Rea', PHONE, async ({ page, server, problems }) => {
    const today = await apiCall<TodayBody>(page, 'GET', '/today');
    const s = today.body.due[0];
    assert.ok(s, 'a session is due');
    const events = s.steps.flatMap((st) => {
      const e = { kind: 'done', amount: st.target };
      return st.per_side && st.side === 'both' ? [e, e] : [e];
    });
    const run = await apiCall(page, 'POST', '/sessions', { protocol: s.protocol, events, soreness: 1 });
    assert.equal(run.status, 201, JSON.stringify(run.body));

    const after = await apiCall<TodayBody>(page, 'GET', '/today');
    const rules = new Set(after.body.not_today.map((r) => r.rule));
    assert.ok(rules.size < after.body.not_today.length, 'several areas share a rule');

    await page.goto(server.base + '/');
    await page.getByRole('heading', { name: 'No session today' }).waitFor();
    const items = page.getByTestId('why-not-today-reasons').locator('li');
    assert.equal(await items.count(), rules.size, 'one line per rule');
    const texts = await items.allInnerTexts();
    for (const t of texts) {
      assert.doesNotMatch(t, ISO_DATE, t);
      assert.ok((t.match(/Top of the shoulder/g) ?? []).length <= 1, 'an area is named once per line: ' + t);
    }
    const gap = texts.find((t) => /at least 48 h/.test(t));
    assert.ok(gap, texts.join('\n'));
    assert.match(gap!, /Wednesday, 25 November 2026/);
    assert.match(gap!, /Top of the shoulder/);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(sw <= PHONE.width, `page is ${sw}px wide at ${PHONE.width}px`);
    assert.deepEqual(problems, []);
  });
});

test('referral suggestions for arm pain to the thumb show the nerve warning first', { timeout: 120_000 }, async () => {
  await withSignedInPerson('Rae', PHONE, async ({ page, server, problems }) => {
    await page.goto(server.base + '/body');
    await page.getByRole('checkbox', { name: 'Outside of the upper arm' }).check();
    await page.getByRole('checkbox', { name: 'Thumb and index finger' }).check();
    await page.getByRole('button', { name: 'Show possible sources' }).click();
    const answer = page.getByTestId('referral-answer');
    await answer.waitFor();
    const warning = answer.getByTestId('referral-warning').filter({ hasText: 'numbness, tingling or weakness' });
    await warning.waitFor();
    // Its source, named by title.
    await warning.getByText(/\(source: At-home instrument work \(IASTM\)/).waitFor();
    // Above the suggestions, in reading order.
    const order = await answer.evaluate((el) => {
      const w = el.querySelector('[data-testid="referral-warning"]');
      const list = el.querySelector('ol.suggestions');
      return w && list ? w.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    assert.ok(order, 'the warnings come before the suggestions');
    await answer.getByText('Scalenes', { exact: false }).first().waitFor();
    // Every suggestion names its sources by title, never by id.
    const suggestions = await answer.locator('ol.suggestions').innerText();
    assert.doesNotMatch(suggestions, /travell-simons-1999|seed-\d{3}/, suggestions);
    assert.match(suggestions, /\(source: Myofascial Pain and Dysfunction/, suggestions);
    assert.deepEqual(problems, []);
  });
});

test('the week-4 review says how many planned sessions were done', { timeout: 120_000 }, async () => {
  await withSignedInPerson('Rue', PHONE, async ({ page, server, problems }) => {
    // A program that started five weeks ago, with no session logged: the
    // review is due and cannot judge the program yet.
    const prof = await apiCall(page, 'PUT', '/profile', {
      name: 'Rue',
      regions: [{ region: 'upper-trapezius', side: 'both', pain: 6 }],
      tools: ['starter-kit'],
      weekdays: [0, 2, 4],
      minutes_per_session: 20,
      start: '2026-10-19',
    });
    assert.equal(prof.status, 200, JSON.stringify(prof.body));
    const pain = await apiCall(page, 'POST', '/journal/pain', { region: 'upper-trapezius', side: 'both', score: 6 });
    assert.equal(pain.status, 201, JSON.stringify(pain.body));
    const progress = await apiCall<{ review: { sessions_planned: number; sessions_done: number } }>(
      page,
      'GET',
      '/progress',
    );
    assert.equal(progress.status, 200);
    const { sessions_planned: planned, sessions_done: done } = progress.body.review;
    assert.equal(done, 0);
    assert.ok(planned > 0);
    await page.goto(server.base + '/progress');
    const adherence = page.getByTestId('review-adherence');
    await adherence.waitFor();
    assert.match(await adherence.innerText(), new RegExp(`0 of the ${planned} sessions`));
    await page.getByText('too few to judge', { exact: false }).first().waitFor();
    assert.deepEqual(problems, []);
  });
});

test('a warning raised by a stop sign stays in the progress history, named as such, until a clearance is recorded', { timeout: 120_000 }, async () => {
  await withSignedInPerson('Sol', PHONE, async ({ page, server, problems }) => {
    const today = await apiCall<TodayBody>(page, 'GET', '/today');
    const s = today.body.due[0];
    assert.ok(s, 'a session is due');
    const events = [{ kind: 'done', amount: s.steps[0].target }, { kind: 'stop', signs: ['radiating-pain'] }];
    const run = await apiCall(page, 'POST', '/sessions', { protocol: s.protocol, events });
    assert.equal(run.status, 201, JSON.stringify(run.body));

    await page.goto(server.base + '/progress');
    const history = page.getByTestId('warning-history');
    await history.waitFor();
    const item = history.locator('li[data-rule="practitioner-arm-numbness-tingling"]');
    await item.getByText('Still in force.').waitFor();
    const text = await item.innerText();
    assert.match(text, /raised by a stop sign in your session that day \(Pain spreading to the head, face or arm\)/, text);
    assert.match(text, /Monday, 23 November 2026/, text);
    assert.doesNotMatch(text, ISO_DATE, text);
    // The source is named by its title, not by its id.
    const source = item.locator('[data-source]');
    assert.equal(await source.getAttribute('data-source'), 'seed-000');
    assert.doesNotMatch(await source.innerText(), /seed-000/);

    await history.getByLabel('Who cleared you').fill('Dr Lee, physiotherapist');
    await history.getByRole('button', { name: 'Record the clearance' }).click();
    await item.getByText('Cleared on Monday, 23 November 2026 by Dr Lee, physiotherapist.').waitFor();
    assert.match(await history.innerText(), /Clearances recorded\s+Monday, 23 November 2026, by Dr Lee, physiotherapist \(as you entered it\): everything/);
    assert.deepEqual(problems, []);
  });
});

test('when one session is due, Today says why another is not offered', { timeout: 120_000 }, async () => {
  await withSignedInPerson('Tai', PHONE, async ({ page, server, problems }) => {
    const profile = {
      regions: [
        { region: 'upper-trapezius', side: 'both', pain: 6 },
        { region: 'calves', side: 'both', pain: 5 },
      ],
      tools: ['starter-kit'],
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      minutes_per_session: 20,
    };
    const put = await apiCall(page, 'PUT', '/profile', profile);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const today = await apiCall<TodayBody>(page, 'GET', '/today');
    const neck = today.body.due.find((s) => s.protocol === 'neck-trap-iastm');
    assert.ok(neck && today.body.due.length === 2, JSON.stringify(today.body.due.map((s) => s.protocol)));
    const events = neck.steps.flatMap((st) => {
      const e = { kind: 'done', amount: st.target };
      return st.per_side && st.side === 'both' ? [e, e] : [e];
    });
    const run = await apiCall(page, 'POST', '/sessions', { protocol: neck.protocol, events });
    assert.equal(run.status, 201, JSON.stringify(run.body));

    await page.goto(server.base + '/');
    const others = page.getByTestId('not-today-others');
    await others.waitFor();
    const text = await others.innerText();
    assert.match(text, /Top of the shoulder \(upper trapezius\)/, text);
    assert.match(text, /48 h/, text);
    assert.doesNotMatch(text, ISO_DATE, text);
    assert.deepEqual(problems, []);
  });
});
