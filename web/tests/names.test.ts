// No page shows a knowledge-base id where the knowledge base has a name for
// it. After a guided session (logged through the API), one journal entry of
// each kind and a plan, every page is visited at 390 px and its visible text
// is searched for ids (sources included: named by title). The ids come from the API. Only ids with a hyphen are
// searched for (whole tokens, case-sensitive): single-word ids such as
// "calves" or "chest" are ordinary words that appear, lower-cased, in
// sentences built from names ("it can send pain to chest").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, withSignedInPerson } from './harness';

const KINDS = ['regions', 'protocols', 'techniques', 'tools', 'kits', 'edges', 'chains', 'habits', 'treatments', 'stop-signs', 'locations', 'questions', 'sources'];

interface Named {
  id: string;
  name?: string;
  text?: string;
  title?: string; // sources
}
interface Today {
  due: { protocol: string; steps: { target: number; per_side: boolean; side: string }[] }[];
}

async function knownIds(page: Page): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const kind of KINDS) {
    const r = await apiCall<Named[]>(page, 'GET', '/kb/' + kind);
    assert.equal(r.status, 200, 'GET /kb/' + kind);
    for (const e of r.body) {
      const name = e.name ?? e.text ?? e.title;
      if (name && name !== e.id && e.id.includes('-')) ids.set(e.id, `${kind}: ${name}`);
    }
  }
  return ids;
}

async function idsShown(page: Page, ids: Map<string, string>): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const found = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g)) if (ids.has(m[0])) found.add(`${m[0]} (${ids.get(m[0])})`);
  return [...found];
}

test('no page shows a knowledge-base id where a name exists', { timeout: 180_000 }, async () =>
  withSignedInPerson('Noa', { width: 390, height: 844 }, async ({ page, server }) => {
    const ids = await knownIds(page);
    assert.ok(ids.size > 50, `ids known: ${ids.size}`);

    // A finished session for today's due protocol.
    const today = await apiCall<Today>(page, 'GET', '/today');
    const due = today.body.due[0];
    assert.ok(due, 'a session is due');
    const events = due.steps.flatMap((st) => {
      const e = { kind: 'done', amount: st.target };
      return st.per_side && st.side === 'both' ? [e, e] : [e];
    });
    const run = await apiCall(page, 'POST', '/sessions', { protocol: due.protocol, events, soreness: 1 });
    assert.equal(run.status, 201, JSON.stringify(run.body));

    // One journal entry of each kind.
    const habits = await apiCall<Named[]>(page, 'GET', '/kb/habits');
    const treatments = await apiCall<Named[]>(page, 'GET', '/kb/treatments');
    for (const [kind, entry] of [
      ['pain', { region: 'upper-trapezius', side: 'left', score: 4 }],
      ['reaction', { region: 'upper-trapezius', side: 'left', soreness: 2, redness: true }],
      ['habit', { habit: habits.body[0].id }],
      ['treatment', { treatment: treatments.body[0].id, region: 'upper-trapezius', note: 'felt fine' }],
      ['note', { text: 'easier today' }],
    ] as [string, object][]) {
      const r = await apiCall(page, 'POST', '/journal/' + kind, entry);
      assert.equal(r.status, 201, kind + ': ' + JSON.stringify(r.body));
    }

    const bad: string[] = [];
    const check = async (where: string) => {
      await page.waitForTimeout(300);
      for (const id of await idsShown(page, ids)) bad.push(`${where}: ${id}`);
    };
    for (const path of ['/', '/plan', '/body', '/journal', '/progress', '/library', '/setup', '/screening?again=1']) {
      await page.goto(server.base + path);
      await page.locator('#page-title').waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' }).catch(() => {});
      await check(path);
    }
    // The plan's day details for today (the logged session and the due one) and a later session day.
    await page.goto(server.base + '/plan');
    await page.locator('td.today button').click();
    await page.getByTestId('day-details').waitFor();
    await check('/plan, today');
    await page.locator('table.month td.session:not(.today) button').first().click();
    await check('/plan, a session day');
    // The library with every entry opened.
    await page.goto(server.base + '/library');
    await page.locator('details').first().waitFor();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await check('/library, opened');
    assert.deepEqual(bad, []);
  }));
