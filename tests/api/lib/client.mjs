// An HTTP client for the API tests. Every response it sees is checked:
// - the security headers every response must carry (and no-store under /api/);
// - never a 5xx (a 503 only where a caller allows it, e.g. under a write burst);
// - under /api/v1: the route and status must be in the OpenAPI document and
//   the body must match that status's schema; an error's status field must
//   equal the HTTP status;
// and the operation and status are recorded for the coverage check.
import http from 'node:http';
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { findOperation, checkResponse, operationKey } from './openapi.mjs';

const COVERAGE_DIR = process.env.FASCIA_API_COVERAGE_DIR;

function record(op, status) {
  if (!COVERAGE_DIR) return;
  appendFileSync(path.join(COVERAGE_DIR, `${process.pid}.jsonl`), JSON.stringify({ op: operationKey(op.method, op.template), status }) + '\n');
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

// Closes idle keep-alive connections so the test process can exit.
export function closeConnections() {
  agent.destroy();
}

// A raw request: {status, headers, text}. `body` is a string or Buffer sent as-is.
// A kept-alive connection that the server closed as idle just as it was reused
// fails before the server read anything; that one case is retried once on a
// new connection (as Node's documentation advises).
export async function rawRequest(base, method, pathname, options = {}) {
  try {
    return await rawRequestOnce(base, method, pathname, options);
  } catch (e) {
    if (e.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE'))
      return rawRequestOnce(base, method, pathname, { ...options, fresh: true });
    throw e;
  }
}

function rawRequestOnce(base, method, pathname, { headers = {}, body, timeout = 30_000, localAddress, fresh = false } = {}) {
  // The path is sent as written (no URL normalisation of '..' or escapes).
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: pathname, method, headers, agent: fresh ? false : agent, timeout, localAddress }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${pathname}: no answer in ${timeout} ms`)));
    req.on('error', (e) => {
      e.reusedSocket = req.reusedSocket;
      reject(e);
    });
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export function checkSecurityHeaders(pathname, res) {
  const h = res.headers;
  const where = `${pathname} (${res.status})`;
  assert.ok(h['content-security-policy'], `${where}: no Content-Security-Policy`);
  assert.equal(h['x-content-type-options'], 'nosniff', `${where}: X-Content-Type-Options`);
  assert.equal(h['referrer-policy'], 'no-referrer', `${where}: Referrer-Policy`);
  assert.equal(String(h['x-frame-options']).toUpperCase(), 'DENY', `${where}: X-Frame-Options`);
  if (pathname.startsWith('/api/')) assert.match(String(h['cache-control']), /\bno-store\b/, `${where}: Cache-Control`);
}

export class Api {
  // `localAddress`: a loopback address to send from (127.0.0.x), so a test
  // can act as several clients.
  constructor(base, cookie, { localAddress } = {}) {
    this.base = base;
    this.cookie = cookie;
    this.localAddress = localAddress;
  }

  withCookie(cookie) {
    return new Api(this.base, cookie, { localAddress: this.localAddress });
  }

  // Sends a request and checks it against the document. Options:
  //   json: a value sent as JSON with Content-Type application/json
  //   body: a raw string body; contentType: its Content-Type (none when undefined)
  //   allow503: a 503 is acceptable (it still must match the document)
  async request(method, pathname, { json, body, contentType, headers = {}, allow503 = false } = {}) {
    const h = { ...headers };
    if (this.cookie) h.Cookie = this.cookie;
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      h['Content-Type'] = 'application/json';
    }
    if (contentType !== undefined) h['Content-Type'] = contentType;
    if (payload !== undefined) h['Content-Length'] = Buffer.byteLength(payload);
    const res = await rawRequest(this.base, method, pathname, { headers: h, body: payload, localAddress: this.localAddress });
    const where = `${method} ${pathname}`;
    checkSecurityHeaders(new URL(pathname, this.base).pathname, res);
    if (res.status >= 500 && !(allow503 && res.status === 503))
      assert.fail(`${where} answered ${res.status}: ${res.text.slice(0, 500)}`);
    const op = findOperation(method, new URL(pathname, this.base).pathname);
    if (!op) assert.fail(`${where}: no operation in the OpenAPI document matches this request (answered ${res.status})`);
    const parsed = checkResponse(op, res.status, res.headers, res.text);
    if (res.status >= 400) assert.equal(parsed.error.status, res.status, `${where}: error.status differs from the HTTP status`);
    record(op, res.status);
    return { status: res.status, headers: res.headers, text: res.text, body: parsed };
  }

  get(p, o) { return this.request('GET', p, o); }
  post(p, json, o = {}) { return this.request('POST', p, { ...o, json }); }
  put(p, json, o = {}) { return this.request('PUT', p, { ...o, json }); }

  // Asserts the status and returns the body.
  async expect(status, method, p, o) {
    const r = await this.request(method, p, o);
    assert.equal(r.status, status, `${method} ${p}: expected ${status}, got ${r.status}: ${r.text.slice(0, 500)}`);
    return r.body;
  }
}

// One cookie from Set-Cookie headers: {value, attrs: Map(lowercase name -> value)}.
export function parseSetCookie(headers, name) {
  const all = [].concat(headers['set-cookie'] ?? []);
  for (const line of all) {
    const [pair, ...rest] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) !== name) continue;
    const attrs = new Map();
    for (const a of rest) {
      const i = a.indexOf('=');
      attrs.set((i < 0 ? a : a.slice(0, i)).toLowerCase(), i < 0 ? true : a.slice(i + 1));
    }
    return { value: pair.slice(eq + 1), attrs, line };
  }
  return undefined;
}

export function assertSessionCookieAttributes(cookie, where) {
  assert.ok(cookie, `${where}: no fascia_session cookie set`);
  assert.ok(cookie.value.length >= 16, `${where}: the session cookie value is too short to be a secret: '${cookie.value}'`);
  assert.equal(cookie.attrs.get('httponly'), true, `${where}: cookie lacks HttpOnly: ${cookie.line}`);
  assert.equal(String(cookie.attrs.get('samesite')).toLowerCase(), 'strict', `${where}: cookie lacks SameSite=Strict: ${cookie.line}`);
  assert.equal(cookie.attrs.get('path'), '/', `${where}: cookie Path is not /: ${cookie.line}`);
}

// GET /login?token=T without following the redirect: the session cookie.
export async function tokenLogin(server) {
  const res = await rawRequest(server.base, 'GET', `/login?token=${encodeURIComponent(server.token)}`);
  checkSecurityHeaders('/login', res);
  assert.equal(res.status, 303, `GET /login?token=...: expected a 303 redirect, got ${res.status}: ${res.text.slice(0, 300)}`);
  const cookie = parseSetCookie(res.headers, 'fascia_session');
  assertSessionCookieAttributes(cookie, 'GET /login?token');
  return { api: new Api(server.base, `fascia_session=${cookie.value}`), res, cookie };
}

// POST /api/v1/login as name/password; asserts 200.
export async function passwordLogin(server, name, password) {
  const anon = new Api(server.base);
  const r = await anon.post('/api/v1/login', { name, password });
  assert.equal(r.status, 200, `login as ${name}: ${r.status} ${r.text}`);
  const cookie = parseSetCookie(r.headers, 'fascia_session');
  assertSessionCookieAttributes(cookie, 'POST /api/v1/login');
  return { api: new Api(server.base, `fascia_session=${cookie.value}`), body: r.body, cookie };
}

/**
 * Registers a suite's clean-up: closes the client's kept-alive connections,
 * stops the server that `current()` returns (if one started) and removes its
 * files.
 */
export function stopServerAfter(current) {
  after(async () => {
    closeConnections();
    const server = current();
    await server?.stop();
    server?.cleanup();
  });
}
