// Run by run-tests.mjs after every test file: each operation of the OpenAPI
// document, and each status it lists, must have been seen by the suite, so
// the document cannot keep a route or an answer that no longer exists.
// 503 (db_busy) is exempt: a test cannot lock the database on demand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { operations, operationKey } from './lib/openapi.mjs';

const dir = process.env.FASCIA_API_COVERAGE_DIR;

describe('the suite exercises the whole OpenAPI document', () => {
  const seen = new Map();
  if (dir)
    for (const f of readdirSync(dir))
      for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean)) {
        const { op, status } = JSON.parse(line);
        if (!seen.has(op)) seen.set(op, new Set());
        seen.get(op).add(String(status));
      }

  it('has coverage records (run through npm test)', () => {
    assert.ok(dir, 'FASCIA_API_COVERAGE_DIR is not set: run the suite with npm test');
    assert.ok(seen.size > 0, 'no request was recorded');
  });

  it('calls every path and method of the document', () => {
    const missing = operations.map((o) => operationKey(o.method, o.template)).filter((k) => !seen.has(k));
    assert.deepEqual(missing, [], `operations in the OpenAPI document that no test called: ${missing.join(', ')}`);
  });

  it('sees every status the document lists (except 503)', () => {
    const missing = [];
    for (const o of operations) {
      const key = operationKey(o.method, o.template);
      for (const status of Object.keys(o.operation.responses))
        if (status !== '503' && !seen.get(key)?.has(status)) missing.push(`${key} ${status}`);
    }
    assert.deepEqual(missing, [], `listed answers no test produced: ${missing.join(', ')}`);
  });
});
