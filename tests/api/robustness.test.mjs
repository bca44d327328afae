// Whatever a client sends, the answer is a 4xx or a success, never a 5xx, the
// server stays up, and a refused write changes nothing: deep nesting, invalid
// UTF-8, odd text, methods and addresses the API does not have, and a locked
// database (503 db_busy with Retry-After).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { startServer, TODAY, SQLITE_ONLY } from './lib/server.mjs';
import { tokenLogin, rawRequest, checkSecurityHeaders, stopServerAfter } from './lib/client.mjs';
import { expectRefused, journalOf } from './lib/flows.mjs';
import { validateComponent } from './lib/openapi.mjs';

const JSON_TYPE = 'application/json';

describe('robustness', () => {
  let server;
  let api;
  before(async () => {
    server = await startServer();
    ({ api } = await tokenLogin(server));
  });
  stopServerAfter(() => server);

  async function alive() {
    assert.deepEqual(await api.expect(200, 'GET', '/api/v1/health'), { ok: true });
  }

  it('deeply nested JSON (as the body, or as a field) is a 400, and the server stays up', async () => {
    const depth = 30000;
    await expectRefused(api, { path: '/api/v1/journal/note', body: '['.repeat(depth) + ']'.repeat(depth), contentType: JSON_TYPE, status: 400, code: ['bad_json', 'invalid'] });
    await alive();
    await expectRefused(api, { path: '/api/v1/journal/note', body: `{"text": ${'['.repeat(depth)}${']'.repeat(depth)}}`, contentType: JSON_TYPE, status: 400, code: ['bad_json', 'invalid'] });
    await alive();
    await expectRefused(api, { path: '/api/v1/journal/note', body: '{"text": "x", "date": ' + '{"a":'.repeat(10000) + '1' + '}'.repeat(10000) + '}', contentType: JSON_TYPE, status: 400, code: ['bad_json', 'invalid'] });
    await alive();
  });

  it('invalid UTF-8 in a string is 400 bad_json', async () => {
    const body = Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    const before = await journalOf(api);
    const r = await api.request('POST', '/api/v1/journal/note', { body, contentType: JSON_TYPE });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.code, 'bad_json');
    assert.deepEqual(await journalOf(api), before);
  });

  it('text with emoji, a NUL or control characters is either refused (400) or stored exactly', async () => {
    for (const text of ['4-byte: 🧘‍♀️ 𝄞', 'nul:\u0000:after', 'bell\u0007 tab\t newline\n', '\u2028\u2029', '<script>alert(1)</script>']) {
      const r = await api.request('POST', '/api/v1/journal/note', { json: { text } });
      assert.ok(r.status === 201 || r.status === 400, `${JSON.stringify(text)}: ${r.status}`);
      const notes = (await journalOf(api)).notes.map((n) => n.text);
      if (r.status === 201) assert.ok(notes.includes(text), `${JSON.stringify(text)} was saved but reads back differently: ${JSON.stringify(notes)}`);
      else assert.ok(!notes.includes(text));
    }
  });

  it('numbers beyond any integer type are 400 naming the field', async () => {
    await expectRefused(api, { path: '/api/v1/journal/pain', body: '{"region": "upper-trapezius", "score": 1e400}', contentType: JSON_TYPE, status: 400, code: ['bad_json', 'invalid'] });
    for (const score of ['18446744073709551616', '-9223372036854775809', '5.0000000000000001e0'])
      await expectRefused(api, { path: '/api/v1/journal/pain', body: `{"region": "upper-trapezius", "score": ${score}}`, contentType: JSON_TYPE, status: 400, field: 'score' }).catch((e) => {
        e.message = `score ${score}: ${e.message}`;
        throw e;
      });
    await alive();
  });

  it('the same field twice in one object is refused or takes one value; it never stores two entries', async () => {
    const before = await journalOf(api);
    const r = await api.request('POST', '/api/v1/journal/pain', { body: '{"region": "upper-trapezius", "score": 3, "score": 12}', contentType: JSON_TYPE });
    assert.ok(r.status === 400 || r.status === 201, `${r.status}`);
    const after = await journalOf(api);
    if (r.status === 400) assert.deepEqual(after, before);
    else {
      assert.equal(after.pain.length, before.pain.length + 1);
      assert.ok(after.pain.every((p) => p.score >= 0 && p.score <= 10), 'a score outside 0..10 was stored');
    }
  });

  it('methods and addresses the API does not have are a JSON 4xx with the security headers', async () => {
    const cookie = api.cookie;
    for (const [method, p] of [
      ['DELETE', '/api/v1/journal'], ['PATCH', '/api/v1/profile'], ['PUT', '/api/v1/journal/pain'], ['DELETE', '/api/v1/sessions/1'],
      ['GET', '/api/v1/journal/pain'], ['GET', `/api/v1/kb/${'a'.repeat(4000)}`], ['GET', '/api/v1/../../etc/passwd'], ['GET', '/api/v1/kb/regions%2f..%2f..'],
    ]) {
      const res = await rawRequest(server.base, method, p, { headers: { Cookie: cookie } });
      assert.ok(res.status >= 400 && res.status < 500, `${method} ${p}: ${res.status}`);
      checkSecurityHeaders('/api/', res);
      const body = JSON.parse(res.text);
      validateComponent('Error', body);
    }
    await alive();
  });

  it('no path outside the web app is served: dot-dot segments, raw or escaped', async () => {
    for (const p of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/static/../../../../../etc/passwd', '/api/v1/../../../../etc/passwd']) {
      const res = await rawRequest(server.base, 'GET', p);
      assert.ok(res.status < 500, `${p}: ${res.status}`);
      checkSecurityHeaders(p, res);
      assert.doesNotMatch(res.text, /root:.*:0:0:/, `${p} served /etc/passwd`);
    }
  });

  // Raw HTTP over a socket: what comes back before the server closes or `ms` pass.
  function rawHttp(text, ms = 5000) {
    const { port } = new URL(server.base);
    return new Promise((resolve) => {
      let got = '';
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
      const done = () => {
        clearTimeout(timer);
        socket.destroy();
        resolve(got);
      };
      const timer = setTimeout(done, ms);
      socket.on('data', (d) => {
        got += d;
        if (/\r\n\r\n/.test(got) && /content-length: *(\d+)/i.test(got)) {
          const length = Number(/content-length: *(\d+)/i.exec(got)[1]);
          if (got.length - got.indexOf('\r\n\r\n') - 4 >= length) done();
        }
      });
      socket.on('error', done);
      socket.on('close', done);
    });
  }

  it('a chunked body over 64 KiB is 413 too, and nothing is stored', async () => {
    const before = await journalOf(api);
    const chunk = 'x'.repeat(8192);
    let body = '';
    const json = `{"text": "${'y'.repeat(70 * 1024)}"}`;
    for (let i = 0; i < json.length; i += chunk.length) {
      const part = json.slice(i, i + chunk.length);
      body += `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`;
    }
    body += '0\r\n\r\n';
    const answer = await rawHttp(`POST /api/v1/journal/note HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${api.cookie}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body}`);
    assert.match(answer, /^HTTP\/1\.1 413 /, `a 70 KiB chunked body: ${answer.slice(0, 12)} ${answer.slice(answer.indexOf('{'))}`);
    assert.deepEqual(await journalOf(api), before);
  });

  it('a Content-Length of 10 GB with no body behind it is 413, and the server stays up', async () => {
    const answer = await rawHttp(`POST /api/v1/journal/note HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${api.cookie}\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{"text": "`, 15_000);
    assert.match(answer, /^HTTP\/1\.1 413 /, answer.slice(0, 200));
    await alive();
  });

  it('no response allows another origin to read it (no permissive CORS)', async () => {
    const res = await rawRequest(server.base, 'GET', '/api/v1/journal', { headers: { Cookie: api.cookie, Origin: 'http://evil.example' } });
    const allow = res.headers['access-control-allow-origin'];
    assert.ok(allow === undefined || (allow !== '*' && allow !== 'http://evil.example'), `Access-Control-Allow-Origin: ${allow}`);
    const pre = await rawRequest(server.base, 'OPTIONS', '/api/v1/journal/pain', { headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
    assert.ok(pre.status < 500);
    assert.notEqual(pre.headers['access-control-allow-origin'], 'http://evil.example');
    assert.notEqual(pre.headers['access-control-allow-origin'], '*');
  });

  it('a bad percent-escape in the query is a 4xx, not a crash', async () => {
    const res = await rawRequest(server.base, 'GET', '/api/v1/referral?locations=%ZZ%', { headers: { Cookie: api.cookie } });
    assert.ok(res.status >= 400 && res.status < 500, `${res.status}`);
    await alive();
  });

  it('the session cookie is found among other cookies', async () => {
    const value = api.cookie.split('=')[1];
    const other = api.withCookie(`theme=dark; fascia_session=${value}; lang=en`);
    assert.equal((await other.expect(200, 'GET', '/api/v1/me')).person_id, 1);
  });

  it('while another process holds the database lock, a write is 503 db_busy with Retry-After and changes nothing; afterwards it works', { skip: SQLITE_ONLY }, async () => {
    await api.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', score: 2, date: '2026-11-01' } });
    const before = await journalOf(api);
    const sqlite = spawn('sqlite3', [server.db], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    sqlite.stdout.on('data', (d) => (out += d));
    sqlite.stderr.on('data', (d) => (out += d));
    try {
      sqlite.stdin.write("PRAGMA busy_timeout = 5000;\nBEGIN EXCLUSIVE;\nSELECT 'locked';\n");
      const deadline = Date.now() + 10_000;
      while (!out.includes('locked') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(out.includes('locked'), `sqlite3 could not take the lock: ${out}`);
      const r = await api.request('POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', score: 9 }, allow503: true });
      assert.equal(r.status, 503, `a write under a held lock: ${r.status} ${r.text}`);
      assert.equal(r.body.error.code, 'db_busy');
      assert.match(String(r.headers['retry-after']), /^\d+$/);
    } finally {
      sqlite.stdin.end('COMMIT;\n');
      await new Promise((r) => sqlite.on('exit', r));
    }
    assert.deepEqual(await journalOf(api), before, 'the refused write was stored');
    await api.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', score: 9, date: TODAY } });
  });
});
