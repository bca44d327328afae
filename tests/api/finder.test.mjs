// Issue 11 over HTTP: a practitioner's listing is opt-in and shows only what
// they published; a search ranks by need and says why; a place naming
// several places, or none, is answered with choices or suggestions; every
// bad parameter is a 400 naming it; a search writes nothing about the
// searcher. Runs on the suite's engine (FASCIA_API_ENGINE).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn } from './lib/server.mjs';
import { passwordLogin, stopServerAfter } from './lib/client.mjs';
import { expectRefused, oversized } from './lib/flows.mjs';

const JSON_TYPE = 'application/json';

const PASSWORD = 'finder-password-1';
const find = (query) => `/api/v1/finder?${new URLSearchParams(query)}`;

describe('the practitioner finder', () => {
  let server;
  const api = {};

  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const north = addClinic(db, 'North Physio');
    addUser(db, 'dana', PASSWORD);
    addUser(db, 'pat', PASSWORD, { role: 'practitioner', clinic: north });
    addUser(db, 'quinn', PASSWORD, { role: 'practitioner', clinic: north });
    addUser(db, 'ada', PASSWORD, { role: 'admin', clinic: north });
    server = await startServer({ db, dir });
    for (const name of ['dana', 'pat', 'quinn', 'ada']) api[name] = (await passwordLogin(server, name, PASSWORD)).api;
  });
  stopServerAfter(() => server);

  it('a listing is unpublished until its practitioner publishes it, and shows only what they published', async () => {
    assert.deepEqual(await api.pat.expect(200, 'GET', '/api/v1/listing'), { listing: null });
    const refused = await api.pat.request('POST', '/api/v1/listing/publish', { json: { published: true } });
    assert.equal(refused.status, 404);
    const saved = await api.pat.expect(200, 'PUT', '/api/v1/listing', {
      json: {
        name: 'Pat Doe, PT', clinic: 'North Physio', modalities: ['clinic-iastm', 'physiotherapy'], areas: ['scalenes'],
        languages: ['English'], place: 'Walnut Creek, CA, US', postcode: '94596', contact: '925 555 0100',
      },
    });
    assert.equal(saved.published, false);
    assert.equal(saved.town, 'Walnut Creek');
    const quiet = await api.dana.expect(200, 'GET', find({ near: 'Walnut Creek' }));
    assert.equal(quiet.outcome, 'found');
    assert.deepEqual(quiet.results, []);
    await api.pat.expect(200, 'POST', '/api/v1/listing/publish', { json: { published: true } });
    const found = await api.dana.expect(200, 'GET', find({ near: 'walnut creek', need: 'scalenes' }));
    assert.deepEqual(found.results.map((r) => r.listing.name), ['Pat Doe, PT']);
    assert.deepEqual(Object.keys(found.results[0].listing).sort(), [
      'areas', 'clinic', 'contact', 'id', 'languages', 'latitude', 'longitude', 'modalities', 'name', 'postcode',
      'taking_new_clients', 'town',
    ]);
    assert.equal(found.results[0].why[0], 'Treats side of the neck, deep (scalenes)');
    assert.equal(found.need.id, 'scalenes');
    assert.match(found.attribution, /GeoNames/);
    await api.pat.expect(200, 'POST', '/api/v1/listing/publish', { json: { published: false } });
    assert.deepEqual((await api.dana.expect(200, 'GET', find({ near: 'Walnut Creek' }))).results, []);
    await api.pat.expect(200, 'POST', '/api/v1/listing/publish', { json: { published: true } });
  });

  it('ranks a medical check\'s clinicians first and says so, and keeps instrument work for a week-4 review', async () => {
    await api.quinn.expect(200, 'PUT', '/api/v1/listing', {
      json: { name: 'Quinn Roe', modalities: ['gua-sha', 'swedish-massage'], latitude: 37.9, longitude: -122.05,
        town: 'Walnut Creek', contact: 'quinn@example.org', taking_new_clients: false },
    });
    await api.quinn.expect(200, 'POST', '/api/v1/listing/publish', { json: { published: true } });
    const medical = await api.dana.expect(200, 'GET', find({ near: 'Walnut Creek', need: 'medical-check' }));
    assert.equal(medical.need.medical_first, true);
    assert.deepEqual(medical.results.map((r) => r.listing.name), ['Pat Doe, PT', 'Quinn Roe']);
    assert.equal(medical.results[0].why[0], 'Listed after doctors: see them once a doctor has said it is fine');
    const review = await api.dana.expect(200, 'GET', find({ near: 'Walnut Creek', need: 'instrument-not-improving' }));
    assert.deepEqual(review.results.map((r) => r.listing.name), ['Pat Doe, PT', 'Quinn Roe']);
    assert.equal(review.results[1].why.at(-1), 'Not taking new clients at present');
    const swedish = await api.dana.expect(200, 'GET', find({ near: 'Walnut Creek', modality: 'swedish-massage' }));
    assert.deepEqual(swedish.results.map((r) => r.listing.name), ['Quinn Roe']);
  });

  it('answers an ambiguous place with choices and a misspelt one with suggestions', async () => {
    const many = await api.dana.expect(200, 'GET', find({ near: 'Springfield' }));
    assert.equal(many.outcome, 'ambiguous');
    assert.ok(many.places.length >= 5);
    assert.match(many.message, /names several places/);
    const typo = await api.dana.expect(200, 'GET', find({ near: 'Walnut Crek' }));
    assert.equal(typo.outcome, 'not_found');
    assert.equal(typo.places[0].label, 'Walnut Creek, CA, US');
  });

  it('refuses each bad parameter with a 400 naming it', async () => {
    const cases = [
      [{}, 'near'],
      [{ near: 'Oakland', within: '0' }, 'within'],
      [{ near: 'Oakland', within: '501' }, 'within'],
      [{ near: 'Oakland', within: 'ten' }, 'within'],
      [{ near: 'Oakland', modality: 'reiki' }, 'modality'],
      [{ near: 'Oakland', need: 'luck' }, 'need'],
      [{ near: 'Oakland', sort: 'name' }, 'sort'],
    ];
    for (const [query, field] of cases) {
      const r = await api.dana.request('GET', find(query));
      assert.equal(r.status, 400, `${JSON.stringify(query)}: ${r.text}`);
      assert.equal(r.body.error.field, field, r.text);
    }
    const twice = await api.dana.request('GET', '/api/v1/finder?near=Oakland&near=Concord');
    assert.equal(twice.status, 400);
    assert.equal(twice.body.error.field, 'near');
  });

  it('refuses a listing with every problem named at once, and anyone but a practitioner', async () => {
    const r = await api.quinn.request('PUT', '/api/v1/listing', {
      json: { name: '', modalities: ['reiki'], areas: ['upper-trapezius'], place: 'Springfield', contact: 'x' },
    });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.body.error.problems.map((p) => p.field), ['name', 'modalities[0]', 'areas[0]', 'place']);
    for (const who of ['dana', 'ada']) {
      assert.equal((await api[who].request('GET', '/api/v1/listing')).status, 403);
      const put = await api[who].request('PUT', '/api/v1/listing', {
        json: { name: 'X', modalities: ['gua-sha'], latitude: 1, longitude: 1, town: 'X', contact: 'x' },
      });
      assert.equal(put.status, 403, put.text);
    }
    const bad = await api.quinn.request('PUT', '/api/v1/listing', { json: { name: 'Q', modalities: 'gua-sha', contact: 'x' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'modalities');
    for (const [method, path] of [['PUT', '/api/v1/listing'], ['POST', '/api/v1/listing/publish']]) {
      await expectRefused(api.quinn, { method, path, body: '{}', contentType: 'text/plain', status: 415, code: 'unsupported_media' });
      await expectRefused(api.quinn, { method, path, body: oversized({}), contentType: JSON_TYPE, status: 413, code: 'too_large' });
    }
    const half = await api.quinn.request('PUT', '/api/v1/listing', {
      json: { name: 'Q', modalities: ['gua-sha'], latitude: 37.9, contact: 'x' },
    });
    assert.equal(half.status, 400);
    assert.equal(half.body.error.field, 'longitude');
  });

  it('a search writes nothing: the searcher\'s access log and the listings stay as they were', async () => {
    const log = await api.dana.expect(200, 'GET', '/api/v1/access-log');
    const listing = await api.pat.expect(200, 'GET', '/api/v1/listing');
    for (let i = 0; i < 3; i++) await api.dana.expect(200, 'GET', find({ near: 'Walnut Creek', need: 'medical-check' }));
    assert.deepEqual(await api.dana.expect(200, 'GET', '/api/v1/access-log'), log);
    assert.deepEqual(await api.pat.expect(200, 'GET', '/api/v1/listing'), listing);
  });
});
