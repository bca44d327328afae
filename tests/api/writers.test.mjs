// 64 concurrent journal writers for 30 s through one server (issue 9): no
// write is refused as busy, and every acknowledged write is in the journal
// afterwards. Writes share commits (group commit); each answer comes only
// after its batch is durable.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { tokenLogin, stopServerAfter } from './lib/client.mjs';
import { journalOf } from './lib/flows.mjs';

const WRITERS = 64;
const SECONDS = Number(process.env.FASCIA_WRITERS_SECONDS ?? 30);

describe(`${WRITERS} concurrent writers for ${SECONDS} s`, () => {
  let server;
  stopServerAfter(() => server);

  it('no write is refused as busy, and every acknowledged write is stored', async () => {
    server = await startServer();
    const { api } = await tokenLogin(server);
    const acknowledged = [];
    const refused = [];
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let n = 0; Date.now() < until; n++) {
          const text = `writer ${w} note ${n}`;
          const r = await api.request('POST', '/api/v1/journal/note', { json: { text }, allow503: true });
          if (r.status === 201) acknowledged.push(text);
          else refused.push(`${r.status} ${r.text.slice(0, 120)}`);
        }
      }),
    );
    assert.deepEqual(refused.slice(0, 5), [], `${refused.length} writes refused`);
    assert.ok(acknowledged.length >= WRITERS, `only ${acknowledged.length} writes in ${SECONDS} s`);
    const stored = new Set((await journalOf(api)).notes.map((n) => n.text));
    const missing = acknowledged.filter((t) => !stored.has(t));
    assert.deepEqual(missing.slice(0, 5), [], `${missing.length} acknowledged writes are not in the journal`);
    console.log(`# ${acknowledged.length} writes acknowledged and stored in ${SECONDS} s by ${WRITERS} writers`);
  });
});
