// The outlines the finder's map draws, bundled into the app (no tile server,
// no request of any kind): land from Natural Earth 1:50m (world-atlas) and the
// lines between US states from the U.S. Census Bureau's 1:10m boundaries
// (us-atlas). Each is split into pieces with their bounding boxes once, so a
// map of a few dozen kilometres projects only the pieces near it.
import type { Feature, FeatureCollection, Geometry, LineString, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import land50m from 'world-atlas/land-50m.json';
import states10m from 'us-atlas/states-10m.json';

/** Longitudes and latitudes in degrees: west, south, east, north. */
export type Box = [number, number, number, number];

interface Piece<G extends Geometry> {
  geometry: G;
  box: Box;
}

function boxOf(rings: Position[][]): Box {
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const ring of rings)
    for (const [lon, lat] of ring) {
      if (lon < w) w = lon;
      if (lon > e) e = lon;
      if (lat < s) s = lat;
      if (lat > n) n = lat;
    }
  return [w, s, e, n];
}

let landPieces: Piece<Polygon>[] | null = null;
let statePieces: Piece<LineString>[] | null = null;

function land(): Piece<Polygon>[] {
  if (!landPieces) {
    const shapes = feature(land50m, land50m.objects.land) as Feature | FeatureCollection;
    const features = shapes.type === 'FeatureCollection' ? shapes.features : [shapes];
    landPieces = [];
    for (const f of features) {
      const g = f.geometry;
      if (!g) continue;
      const polygons = g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
      for (const coordinates of polygons) landPieces.push({ geometry: { type: 'Polygon', coordinates }, box: boxOf(coordinates) });
    }
  }
  return landPieces;
}

function stateLines(): Piece<LineString>[] {
  if (!statePieces) {
    const lines = mesh(states10m, states10m.objects.states as never, (a, b) => a !== b);
    statePieces = lines.coordinates.map((coordinates) => ({
      geometry: { type: 'LineString', coordinates },
      box: boxOf([coordinates]),
    }));
  }
  return statePieces;
}

function overlaps(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The land and the state lines that may show within `view` (every piece when null: a view across a pole or the antimeridian). */
export function outlinesWithin(view: Box | null): { land: Polygon[]; stateLines: LineString[] } {
  const keep = <G extends Geometry>(pieces: Piece<G>[]) =>
    pieces.filter((p) => view === null || overlaps(p.box, view)).map((p) => p.geometry);
  return { land: keep(land()), stateLines: keep(stateLines()) };
}

/**
 * The box of longitudes and latitudes around a point that holds a square map
 * of `km` to every side (with room for its corners), or null when it would
 * cross a pole or the antimeridian (then nothing is left out).
 */
export function boxAround(lon: number, lat: number, km: number): Box | null {
  const dLat = (km * 1.6) / 111.2;
  const cos = Math.cos((lat * Math.PI) / 180);
  if (lat + dLat > 89 || lat - dLat < -89 || cos < 0.05) return null;
  const dLon = dLat / cos;
  if (lon - dLon < -180 || lon + dLon > 180) return null;
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}
