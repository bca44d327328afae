// The OpenAPI document as the tests' oracle: finds the operation a request
// hit, and validates a response's status and body against what the document
// lists for that operation. Every check a test makes of a response shape goes
// through here, so a response the document does not describe fails.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));
export const OPENAPI_PATH = path.resolve(here, '../../../src/fascia/server/openapi.json');
export const doc = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

// Keys of an OpenAPI document that are not JSON Schema keywords: declared so
// Ajv's strict mode accepts the document as a schema root for $refs.
const ajv = new Ajv({ strict: true, allErrors: true, strictTypes: false });
addFormats(ajv);
ajv.addVocabulary(['openapi', 'info', 'servers', 'tags', 'security', 'paths', 'components', 'example']);
ajv.addSchema(doc, 'openapi');

function escapePointer(s) {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

const compiled = new Map();
function validatorAt(pointer) {
  if (!compiled.has(pointer)) compiled.set(pointer, ajv.compile({ $ref: `openapi#${pointer}` }));
  return compiled.get(pointer);
}

// Validates a value against a named component schema (e.g. "RegionList").
export function validateComponent(name, value) {
  const v = validatorAt(`/components/schemas/${escapePointer(name)}`);
  if (!v(value)) throw new Error(`not a ${name}: ${ajv.errorsText(v.errors, { separator: '\n  ' })}`);
}

// Every operation of the document: {method: 'GET', template, operation, regex}.
export const operations = [];
for (const [template, item] of Object.entries(doc.paths)) {
  for (const method of METHODS) {
    if (!item[method]) continue;
    const names = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_, n) => {
      names.push(n);
      return '([^/]+)';
    });
    operations.push({
      method: method.toUpperCase(),
      template,
      operation: item[method],
      regex: new RegExp(`^${source}$`),
      literal: names.length === 0,
    });
  }
}

export function operationKey(method, template) {
  return `${method.toUpperCase()} ${template}`;
}

// The operation a request hits: a literal path wins over a templated one.
export function findOperation(method, pathname) {
  const m = method.toUpperCase();
  const hits = operations.filter((o) => o.method === m && o.regex.test(pathname));
  hits.sort((a, b) => Number(b.literal) - Number(a.literal));
  return hits[0];
}

function resolveRef(obj) {
  let o = obj;
  while (o && o.$ref) {
    const parts = o.$ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    o = parts.reduce((acc, p) => acc[p], doc);
  }
  return o;
}

// Checks one response against the operation. Returns the parsed JSON body (or
// undefined for an empty one). Throws with a precise message on any mismatch.
export function checkResponse(op, status, headers, text) {
  const responses = op.operation.responses;
  const declared = responses[String(status)];
  if (!declared)
    throw new Error(
      `${operationKey(op.method, op.template)} answered ${status}, which the OpenAPI document does not list ` +
        `(it lists ${Object.keys(responses).join(', ')}); body: ${text.slice(0, 300)}`,
    );
  const response = resolveRef(declared);
  for (const [name, h] of Object.entries(response.headers ?? {})) {
    const value = headers[name.toLowerCase()];
    if (resolveRef(h).required && value === undefined)
      throw new Error(`${operationKey(op.method, op.template)} ${status}: header ${name} is missing`);
  }
  const content = response.content?.['application/json'];
  if (!content) {
    if (text.length !== 0)
      throw new Error(`${operationKey(op.method, op.template)} ${status}: the document says no body, got: ${text.slice(0, 200)}`);
    return undefined;
  }
  const type = headers['content-type'] ?? '';
  if (!/^application\/json\b/.test(type))
    throw new Error(`${operationKey(op.method, op.template)} ${status}: Content-Type is '${type}', not application/json`);
  let body;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new Error(`${operationKey(op.method, op.template)} ${status}: the body is not JSON: ${text.slice(0, 200)}`);
  }
  const pointer = `/paths/${escapePointer(op.template)}/${op.method.toLowerCase()}/responses/${status}`;
  const schemaPointer = declared.$ref
    ? `${declared.$ref.replace(/^#/, '')}/content/application~1json/schema`
    : `${pointer}/content/application~1json/schema`;
  const validate = validatorAt(schemaPointer);
  if (!validate(body))
    throw new Error(
      `${operationKey(op.method, op.template)} ${status}: the body does not match the OpenAPI schema:\n  ` +
        `${ajv.errorsText(validate.errors, { separator: '\n  ' })}\n  body: ${text.slice(0, 500)}`,
    );
  return body;
}

// Every schema in the document compiles (strict mode): catches a typo in a keyword.
export function compileAll() {
  for (const name of Object.keys(doc.components.schemas)) validatorAt(`/components/schemas/${escapePointer(name)}`);
  for (const op of operations)
    for (const status of Object.keys(op.operation.responses)) {
      const declared = op.operation.responses[status];
      if (!declared.$ref && declared.content?.['application/json'])
        validatorAt(`/paths/${escapePointer(op.template)}/${op.method.toLowerCase()}/responses/${status}/content/application~1json/schema`);
    }
  return true;
}

export { resolveRef };
