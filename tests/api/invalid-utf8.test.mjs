// Text that is not UTF-8, in every place a request can carry text (the path,
// a query parameter, a header, a JSON body's string), sent to every route of
// the OpenAPI document, signed in and not: each answer is a 400 in the error
// shape naming the part, never a 5xx, and the server process stays up.
// Raw sockets carry the bytes exactly as written (no client-side escaping).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from './lib/server.mjs';
import { Api, tokenLogin, checkSecurityHeaders, stopServerAfter } from './lib/client.mjs';
import { operations, checkResponse, validateComponent } from './lib/openapi.mjs';
import { ROUTES } from './lib/routes.mjs';
import { journalOf } from './lib/flows.mjs';

// Ill-formed UTF-8 of several kinds: a stray byte, a broken two-byte
// sequence, an encoded surrogate, an overlong '/', a code point past U+10FFFF.
const BAD = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]];
const percent = (bytes) => bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
const strict = new TextDecoder('utf-8', { fatal: true });

const sampleOf = (op) => ROUTES.find((r) => r.method === op.method && r.template === op.template);

// One request as raw bytes over a fresh connection: {status, headers, text}.
function rawSend(base, bytes) {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const chunks = [];
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(bytes));
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer in 15 s')));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no HTTP answer: ${JSON.stringify(all.toString('latin1').slice(0, 200))}`));
      const [statusLine, ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
      const headers = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const body = all.subarray(end + 4);
      let text;
      try {
        text = strict.decode(body);
      } catch {
        return reject(new Error(`the answer's body is not UTF-8: ${JSON.stringify(body.toString('latin1').slice(0, 200))}`));
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, text });
    });
  });
}

// A request built from parts; any part may be a Buffer holding raw bytes.
function requestBytes(method, target, headers, body) {
  const parts = [Buffer.from(`${method} `), Buffer.from(target), Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n')];
  for (const [name, value] of headers) parts.push(Buffer.from(`${name}: `), Buffer.from(value), Buffer.from('\r\n'));
  const payload = body ?? Buffer.alloc(0);
  if (method === 'POST' || method === 'PUT' || payload.length > 0) parts.push(Buffer.from(`Content-Length: ${payload.length}\r\n`));
  parts.push(Buffer.from('\r\n'), payload);
  return Buffer.concat(parts);
}

// The first string in a sample body and its dotted path, e.g. regions[0].region;
// ["note"] added at the top when the body holds no string.
function firstString(value, path = '') {
  if (typeof value === 'string') return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstString(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = firstString(v, path ? `${path}.${k}` : k);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

// The sample body as JSON bytes with the string at `field` replaced by `bad`
// (raw bytes inside the JSON string).
function bodyWithBadString(sample, bad) {
  const body = structuredClone(sample ?? {});
  let field = firstString(body);
  const MARK = '\u0001mark\u0001';
  if (field === undefined) {
    field = 'note';
    body.note = MARK;
  } else {
    const steps = field.match(/[^.[\]]+/g);
    let at = body;
    for (const s of steps.slice(0, -1)) at = at[s];
    at[steps.at(-1)] = MARK;
  }
  const [head, tail] = JSON.stringify(body).split(JSON.stringify(MARK));
  return { field, bytes: Buffer.concat([Buffer.from(`${head}"ab`), Buffer.from(bad), Buffer.from(`cd"${tail}`)]) };
}

describe('invalid UTF-8 anywhere in a request', () => {
  let server;
  let signedIn;
  let anonymous;
  before(async () => {
    server = await startServer();
    ({ api: signedIn } = await tokenLogin(server));
    anonymous = new Api(server.base);
  });
  stopServerAfter(() => server);

  const callers = () => [
    ['signed in', signedIn],
    ['not signed in', anonymous],
  ];

  // Checks one answer: the exact 400, the error shape (against the operation
  // when the request still reaches one), the code and the field it names.
  // `op`: the operation the request still reaches, or undefined for a path
  // that no longer matches any.
  function expectRefusal(where, op, res, { code, field }) {
    assert.equal(res.status, 400, `${where} answered ${res.status}: ${res.text.slice(0, 300)}`);
    checkSecurityHeaders('/api/', res);
    const body = op ? checkResponse(op, res.status, res.headers, res.text) : JSON.parse(res.text);
    validateComponent('Error', body);
    assert.equal(body.error.status, 400, where);
    assert.equal(body.error.code, code, `${where}: ${res.text}`);
    assert.equal(body.error.field, field, `${where}: ${res.text}`);
    assert.doesNotMatch(body.error.message, /[\u0000-\u001f\ufffd]/, `${where}: the message quotes bad bytes: ${res.text}`);
  }

  async function stillAlive(where) {
    assert.deepEqual(await signedIn.expect(200, 'GET', '/api/v1/health'), { ok: true }, where);
    assert.equal(server.proc.exitCode, null, `${where}: the server exited`);
    assert.equal(server.proc.signalCode, null, `${where}: the server was killed by ${server.proc.signalCode}`);
  }

  for (const op of operations) {
    const route = () => sampleOf(op);
    const samplePath = () => (route()?.sample ?? op.template).split('?')[0];
    // The path with a bad part: a path parameter replaced, or a bad last segment.
    const badPath = (bad) => {
      const raw = Buffer.isBuffer(bad) ? bad : Buffer.from(bad);
      const template = op.template;
      const at = template.lastIndexOf('{');
      if (at < 0) return Buffer.concat([Buffer.from(`${template}/`), raw]);
      const prefix = samplePath().split('/').slice(0, template.slice(0, at).split('/').length - 1).join('/');
      return Buffer.concat([Buffer.from(`${prefix}/x`), raw]);
    };

    describe(`${op.method} ${op.template}`, () => {
      it('a path that is not UTF-8 (escaped or raw) is 400 naming the path', async () => {
        for (const [who, api] of callers())
          for (const bad of BAD)
            for (const target of [badPath(percent(bad)), badPath(Buffer.from(bad))]) {
              const headers = api.cookie ? [['Cookie', api.cookie]] : [];
              const res = await rawSend(server.base, requestBytes(op.method, target, headers));
              expectRefusal(`${who}, ${op.method} ${JSON.stringify(target.toString('latin1'))}`, undefined, res, { code: 'invalid', field: 'path' });
            }
        await stillAlive('after bad paths');
      });

      it('a query parameter that is not UTF-8 is 400 naming the parameter', async () => {
        const name = op.template === '/api/v1/referral' ? 'locations' : 'note';
        const json = route()?.body;
        for (const [who, api] of callers())
          for (const bad of BAD) {
            const target = `${samplePath()}?${name}=${encodeURIComponent('temple')}%2C${percent(bad)}`;
            const res = await api.request(op.method, target, json === undefined ? {} : { json });
            expectRefusal(`${who}, ${op.method} ${target}`, op, res, { code: 'invalid', field: name });
          }
        await stillAlive('after bad query parameters');
      });

      it('a header that is not UTF-8 (the Cookie or any other) is 400 naming the header', async () => {
        const json = route()?.body;
        const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
        for (const [who, api] of callers())
          for (const bad of BAD) {
            const cookie = Buffer.concat([Buffer.from(api.cookie ? `${api.cookie}; ` : ''), Buffer.from('theme='), Buffer.from(bad)]);
            const base = body ? [['Content-Type', 'application/json']] : [];
            for (const [headers, field] of [
              [[...base, ['Cookie', cookie]], 'headers.Cookie'],
              [[...base, ...(api.cookie ? [['Cookie', api.cookie]] : []), ['X-Fascia-Note', Buffer.concat([Buffer.from('caf'), Buffer.from(bad)])]], 'headers.X-Fascia-Note'],
            ]) {
              const res = await rawSend(server.base, requestBytes(op.method, samplePath(), headers, body));
              expectRefusal(`${who}, ${op.method} ${samplePath()} with a bad ${field}`, op, res, { code: 'invalid', field });
            }
          }
        await stillAlive('after bad headers');
      });

      if (op.method === 'POST' || op.method === 'PUT')
        it('a JSON body string that is not UTF-8 is 400 bad_json naming the field, and nothing is stored', async () => {
          const before = await journalOf(signedIn);
          for (const [who, api] of callers())
            for (const bad of BAD) {
              const { field, bytes } = bodyWithBadString(route()?.body, bad);
              const res = await api.request(op.method, samplePath(), { body: bytes, contentType: 'application/json' });
              expectRefusal(`${who}, ${op.method} ${samplePath()} with a bad body field ${field}`, op, res, { code: 'bad_json', field });
            }
          assert.deepEqual(await journalOf(signedIn), before, 'a refused body changed the journal');
          await stillAlive('after bad bodies');
        });
    });
  }

  it('addresses outside the API with a bad path are 400 too, whatever the method', async () => {
    for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'])
      for (const target of ['/x%80', '/%FF', '/api/v1/%FF', '/api/v1/kb/%FF', '/api/v1/sessions/%FF', '/api/v2/%C0%AF/x']) {
        const res = await rawSend(server.base, requestBytes(method, target, []));
        expectRefusal(`${method} ${target}`, undefined, res, { code: 'invalid', field: 'path' });
      }
    await stillAlive('after bad addresses');
  });

  it('the server wrote no bad bytes or control characters to its log', async () => {
    await stillAlive('at the end');
    assert.doesNotMatch(server.stderr(), /\ufffd/, `stderr holds bytes that are not UTF-8: ${server.stderr().slice(0, 500)}`);
    assert.doesNotMatch(server.stderr(), /[\u0000-\u0009\u000b-\u001f\u007f]/, 'stderr holds control characters');
  });
});
