// Several server processes on one database (issue 9, point 4), on PostgreSQL
// as a clinic runs it and on one SQLite file: one person's requests alternate
// between server A and server B. Sign in on A, write on B, read on A, sign
// out on B and A refuses the cookie; a view A has cached is never older than
// a write made through B; a restart of A signs no one out.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, ENGINE } from './lib/server.mjs';
import { Api, passwordLogin, closeConnections } from './lib/client.mjs';
import { setUpPerson } from './lib/flows.mjs';
import { ENGINES, PG_SKIP, freshDatabase } from './lib/databases.mjs';

const PASSWORD = 'correct horse battery';

for (const engine of ENGINES) {
  describe(`two fascia serve processes on one ${engine} database`, { skip: (engine === 'postgresql' && PG_SKIP) || (ENGINE !== 'sqlite' && 'runs on both engines in the SQLite pass already') }, () => {
    let database;
    const servers = [];
    after(async () => {
      closeConnections();
      for (const s of servers) await s.stop();
      database?.cleanup();
    });

    it('share sign-ins, sign-outs and writes, and A never answers from a view older than B\'s write', async () => {
      database = freshDatabase(engine);
      addUser(database.db, 'ana', PASSWORD);
      const a = await startServer({ db: database.db });
      const b = await startServer({ db: database.db });
      servers.push(a, b);

      const { api: onA, cookie } = await passwordLogin(a, 'ana', PASSWORD);
      const onB = new Api(b.base, `fascia_session=${cookie.value}`);
      await setUpPerson(onB); // written through B
      const todayOnA = await onA.expect(200, 'GET', '/api/v1/today'); // read on A
      assert.ok(todayOnA, 'A sees the profile and screening B wrote');

      // A caches progress; B writes a pain score; A's next answer has it.
      const before = await onA.expect(200, 'GET', '/api/v1/progress');
      await onA.expect(200, 'GET', '/api/v1/progress'); // served from A's cache
      await onB.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', side: 'both', score: 2 } });
      const afterOnA = await onA.expect(200, 'GET', '/api/v1/progress');
      const afterOnB = await onB.expect(200, 'GET', '/api/v1/progress');
      assert.notDeepEqual(afterOnA, before, 'A answered from a view older than the write made through B');
      assert.deepEqual(afterOnA, afterOnB);
      const journalOnA = await onA.expect(200, 'GET', '/api/v1/journal');
      assert.equal(journalOnA.pain.at(-1).score, 2);

      // A restart of A keeps the person signed in on both.
      await a.stop();
      const a2 = await startServer({ db: database.db });
      servers.push(a2);
      const onA2 = onA.withCookie(`fascia_session=${cookie.value}`);
      onA2.base = a2.base;
      assert.equal((await onA2.request('GET', '/api/v1/me')).status, 200, 'the restart signed the person out');

      // Signing out on B ends the session on A too, at its next request.
      await onB.expect(204, 'POST', '/api/v1/logout');
      assert.equal((await onA2.request('GET', '/api/v1/me')).status, 401, 'A still accepts a cookie signed out on B');
      assert.equal((await onB.request('GET', '/api/v1/me')).status, 401);
    });
  });
}
