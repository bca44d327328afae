// Account B cannot read account A's data: A's session id answers 404 to B,
// and none of A's entries show on B's pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, apiCall, launch, newPage, setUpPerson, shot, startServer } from './harness';

interface Today {
  due: { protocol: string; steps: { per_side: boolean; side: string; target: number }[] }[];
}

test("another account's session and journal stay hidden", { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launch();
  try {
    // Account A (the token's person) runs a session and writes a note.
    const a = await newPage(browser);
    await a.page.goto(server.tokenUrl);
    await a.page.waitForURL(/\/screening$/);
    await setUpPerson(a.page, 'Alice-A');
    const today = await apiCall<Today>(a.page, 'GET', '/today');
    assert.equal(today.status, 200);
    const s = today.body.due[0];
    assert.ok(s, 'a session is due for A');
    const events = s.steps.flatMap((st) => {
      const e = { kind: 'done', amount: st.target };
      return st.per_side && st.side === 'both' ? [e, e] : [e];
    });
    const run = await apiCall<{ session: { id: number } }>(a.page, 'POST', '/sessions', {
      protocol: s.protocol,
      events,
      soreness: 1,
    });
    assert.equal(run.status, 201, JSON.stringify(run.body));
    const id = run.body.session.id;
    const note = await apiCall(a.page, 'POST', '/journal/note', { text: 'secret-note-of-A' });
    assert.equal(note.status, 201);
    assert.equal((await apiCall(a.page, 'GET', `/sessions/${id}`)).status, 200, 'A reads its own session');

    // The first account takes over person 1 (A, the token's person, who has entries: said so); the second is a new person, B.
    await addUser(server, 'alice', 'alice password 1', { takeTerminalJournal: true });
    await addUser(server, 'bea', 'correct horse battery');
    // Account B logs in through the log-in page.
    const b = await newPage(browser);
    await b.page.goto(server.base + '/');
    await b.page.getByRole('heading', { name: 'Log in' }).waitFor();
    await b.page.getByLabel('Name').fill('bea');
    await b.page.getByLabel('Password').fill('wrong password');
    await b.page.getByRole('button', { name: 'Log in' }).click();
    await b.page.locator('.field-error').waitFor();
    await b.page.getByLabel('Password').fill('correct horse battery');
    await b.page.getByRole('button', { name: 'Log in' }).click();
    await b.page.getByRole('heading', { name: 'Safety questions' }).waitFor(); // a new person's first run starts here
    await b.page.getByText('Logged in as bea').waitFor();

    const other = await apiCall(b.page, 'GET', `/sessions/${id}`);
    assert.equal(other.status, 404, `B reading A's session ${id}`);
    const list = await apiCall<unknown[]>(b.page, 'GET', '/sessions');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body, []);
    const journal = await apiCall<{ notes: unknown[]; sessions: unknown[] }>(b.page, 'GET', '/journal');
    assert.equal(journal.status, 200);
    assert.equal(journal.body.notes.length, 0);
    assert.equal(journal.body.sessions.length, 0);
    assert.equal((await apiCall(b.page, 'GET', '/profile')).status, 404, 'B has no profile of its own yet');

    // B's own pages show none of A's data.
    await setUpPerson(b.page, 'Bea-B');
    for (const path of ['/journal', '/plan', '/progress', '/']) {
      await b.page.goto(server.base + path);
      await b.page.locator('#page-title').waitFor();
      await b.page.waitForLoadState('networkidle');
      const text = (await b.page.locator('body').textContent()) ?? '';
      assert.ok(!text.includes('secret-note-of-A'), `A's note on B's ${path}`);
      assert.ok(!text.includes('Alice-A'), `A's name on B's ${path}`);
    }
    await b.page.goto(server.base + '/journal');
    await b.page.getByText('No entries yet.').waitFor();
    await shot(b.page, 'isolation-b-journal');
    assert.deepEqual(b.problems, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
