// The OpenAPI document itself: well formed, every route of docs/API.md and
// nothing else, and the server serves exactly this file. Also the routes
// without authentication (health, openapi.json) and the headers every
// response carries, API or not.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { doc, operations, operationKey, compileAll, resolveRef, OPENAPI_PATH, validateComponent } from './lib/openapi.mjs';
import { ROUTES } from './lib/routes.mjs';
import { startServer } from './lib/server.mjs';
import { Api, rawRequest, checkSecurityHeaders, stopServerAfter } from './lib/client.mjs';

function allRefs(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => allRefs(n, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref') out.push(v);
      else allRefs(v, out);
    }
  return out;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.0.3 with every schema compiling in strict mode', () => {
    assert.equal(doc.openapi, '3.0.3');
    assert.ok(doc.info?.title && doc.info?.version);
    assert.ok(compileAll());
  });

  it('has no dangling $ref', () => {
    for (const ref of allRefs(doc)) {
      assert.match(ref, /^#\//, `only local refs: ${ref}`);
      assert.ok(resolveRef({ $ref: ref }) !== undefined, `dangling $ref ${ref}`);
    }
  });

  it('describes exactly the routes of docs/API.md', () => {
    const inDoc = operations.map((o) => operationKey(o.method, o.template)).sort();
    const inContract = ROUTES.map((r) => operationKey(r.method, r.template)).sort();
    assert.deepEqual(inDoc, inContract);
  });

  it('has unique operation ids, a description on every response, and declares every path parameter', () => {
    const ids = operations.map((o) => o.operation.operationId);
    assert.equal(new Set(ids).size, ids.length, 'duplicate operationId');
    for (const o of operations) {
      for (const [status, r] of Object.entries(o.operation.responses))
        assert.ok(resolveRef(r).description, `${o.method} ${o.template} ${status}: no description`);
      const names = [...o.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = (o.operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
      assert.deepEqual(declared, names, `${o.method} ${o.template}: path parameters`);
    }
  });

  it('uses the fascia_session cookie as its security scheme, required except for health, login and openapi.json', () => {
    assert.deepEqual(
      { type: doc.components.securitySchemes.cookieAuth.type, in: doc.components.securitySchemes.cookieAuth.in, name: doc.components.securitySchemes.cookieAuth.name },
      { type: 'apiKey', in: 'cookie', name: 'fascia_session' },
    );
    assert.deepEqual(doc.security, [{ cookieAuth: [] }]);
    for (const route of ROUTES) {
      const o = operations.find((x) => x.method === route.method && x.template === route.template);
      const open = Array.isArray(o.operation.security) && o.operation.security.length === 0;
      assert.equal(open, !route.auth, `${route.method} ${route.template}: security`);
      if (route.auth) assert.ok(o.operation.responses['401'], `${route.method} ${route.template}: no 401`);
    }
  });

  it('lists 400, 413 and 415 for every route that takes a JSON body, and the body is required', () => {
    for (const o of operations) {
      if (!o.operation.requestBody) continue;
      assert.equal(o.operation.requestBody.required, true, `${o.method} ${o.template}`);
      assert.ok(o.operation.requestBody.content['application/json'], `${o.method} ${o.template}: JSON body`);
      for (const s of ['400', '413', '415']) assert.ok(o.operation.responses[s], `${o.method} ${o.template}: no ${s}`);
    }
  });

  // A 503 for a busy database says when to retry; one for a read-only or
  // full database does not (retrying will not help), so there it is optional.
  it('says Retry-After on every 429, and declares it on every 503', () => {
    for (const o of operations) {
      if (o.operation.responses['429'])
        assert.equal(resolveRef(o.operation.responses['429']).headers?.['Retry-After']?.required, true, `${o.method} ${o.template} 429`);
      if (o.operation.responses['503'])
        assert.ok(resolveRef(o.operation.responses['503']).headers?.['Retry-After'], `${o.method} ${o.template} 503`);
    }
  });

  it('rejects bodies that drift from the contract (the schemas are strict)', () => {
    assert.throws(() => validateComponent('Error', { error: { status: 400, code: 'invalid' } }), /message/);
    assert.throws(() => validateComponent('Error', { error: { status: 400, code: 'oops', message: 'x' } }));
    assert.throws(() => validateComponent('PainEntry', { date: '2026-11-23', region: 'calves', side: 'both', score: 11 }));
    assert.throws(() => validateComponent('PainEntry', { date: '23.11.2026', region: 'calves', side: 'both', score: 1 }));
    assert.throws(() => validateComponent('Profile', { name: '', regions: [], tools: [], weekdays: [0], minutes_per_session: 20, start: '2026-11-23', weeks: 6, extra: 1 }));
    validateComponent('Profile', { name: '', regions: [{ region: 'calves', side: 'left', pain: 3 }], tools: [], weekdays: [0], minutes_per_session: 20, start: '2026-11-23', weeks: 6 });
  });
});

describe('open routes and headers on the running server', () => {
  let server;
  let anon;
  before(async () => {
    server = await startServer();
    anon = new Api(server.base);
  });
  stopServerAfter(() => server);

  it('GET /api/v1/health answers {"ok": true} without a cookie', async () => {
    assert.deepEqual(await anon.expect(200, 'GET', '/api/v1/health'), { ok: true });
  });

  it('GET /api/v1/openapi.json serves exactly src/fascia/server/openapi.json, without a cookie', async () => {
    const served = await anon.expect(200, 'GET', '/api/v1/openapi.json');
    assert.deepEqual(served, JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')));
  });

  it('an unknown /api/ address is a JSON 404 with the security headers and no-store', async () => {
    for (const [method, p] of [['GET', '/api/v1/nothing-here'], ['POST', '/api/v1/nothing-here'], ['GET', '/api/v2/health']]) {
      const res = await rawRequest(server.base, method, p, method === 'POST' ? { headers: { 'Content-Type': 'application/json' }, body: '{}' } : {});
      checkSecurityHeaders(p, res);
      assert.ok(res.status === 404 || res.status === 405, `${method} ${p}: ${res.status}`);
      assert.ok(res.status < 500);
      const body = JSON.parse(res.text);
      validateComponent('Error', body);
      assert.equal(body.error.status, res.status);
    }
  });

  it('pages outside /api/ carry the security headers too', async () => {
    for (const p of ['/', '/login?token=wrong', '/index.html', '/no-such-page']) {
      const res = await rawRequest(server.base, 'GET', p);
      assert.ok(res.status < 500, `GET ${p}: ${res.status}`);
      checkSecurityHeaders(new URL(p, server.base).pathname, res);
    }
  });

  it('the Content-Security-Policy has a default-src and allows no wildcard, inline or eval', async () => {
    const res = await rawRequest(server.base, 'GET', '/api/v1/health');
    const csp = res.headers['content-security-policy'];
    assert.match(csp, /default-src /);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });
});
