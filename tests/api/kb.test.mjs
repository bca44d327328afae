// Browsing the knowledge base: the kinds, each kind's list (the same as
// `fascia kb list KIND --json`), one entry, and 404 for unknown kinds and ids.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli } from './lib/server.mjs';
import { tokenLogin, stopServerAfter } from './lib/client.mjs';
import { validateComponent } from './lib/openapi.mjs';

const SCHEMA_OF = {
  regions: 'RegionList', chains: 'ChainList', edges: 'EdgeList', tools: 'ToolList', kits: 'KitList',
  techniques: 'TechniqueList', protocols: 'ProtocolList', questions: 'QuestionList', 'stop-signs': 'StopSignList',
  habits: 'HabitList', treatments: 'TreatmentList', locations: 'PainLocationList', sources: 'SourceList', caps: 'Caps',
};

describe('knowledge base', () => {
  let server;
  let api;
  let kinds;
  before(async () => {
    server = await startServer();
    ({ api } = await tokenLogin(server));
  });
  stopServerAfter(() => server);

  it('GET /api/v1/kb lists the kinds, caps among them', async () => {
    ({ kinds } = await api.expect(200, 'GET', '/api/v1/kb'));
    assert.deepEqual([...kinds].sort(), Object.keys(SCHEMA_OF).sort());
  });

  it('each kind lists the same entries as `fascia kb list KIND --json`, in that kind\'s own schema', async () => {
    for (const kind of kinds) {
      const body = await api.expect(200, 'GET', `/api/v1/kb/${kind}`);
      validateComponent(SCHEMA_OF[kind], body);
      const r = cli(server.db, ['--json', 'kb', 'list', kind]);
      assert.equal(r.status, 0, `fascia kb list ${kind}: ${r.stderr}`);
      assert.deepEqual(body, JSON.parse(r.stdout), `kb/${kind} differs from the CLI`);
    }
  });

  it('GET /api/v1/kb/{kind}/{id} answers that entry, for every entry of every kind', async () => {
    for (const kind of kinds) {
      const list = await api.expect(200, 'GET', `/api/v1/kb/${kind}`);
      const entries = Array.isArray(list) ? list.map((e) => [e.id, e]) : Object.entries(list);
      assert.ok(entries.length > 0, `kb/${kind} is empty`);
      for (const [id, entry] of entries) {
        const one = await api.expect(200, 'GET', `/api/v1/kb/${kind}/${encodeURIComponent(id)}`);
        assert.deepEqual(one, entry, `kb/${kind}/${id}`);
      }
    }
  });

  it('an unknown kind, or an unknown id in a known kind, is 404 not_found', async () => {
    for (const p of ['/api/v1/kb/spells', '/api/v1/kb/spells/fireball', '/api/v1/kb/regions/no-such-region', '/api/v1/kb/caps/no-such-cap',
      '/api/v1/kb/protocols/neck-trap-iastm-x']) {
      const r = await api.request('GET', p);
      assert.equal(r.status, 404, `${p}: ${r.status} ${r.text.slice(0, 200)}`);
      assert.equal(r.body.error.code, 'not_found');
    }
  });

  it('an id of one kind is not found under another kind', async () => {
    const r = await api.request('GET', '/api/v1/kb/habits/upper-trapezius');
    assert.equal(r.status, 404);
  });
});
