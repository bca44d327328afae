// The finder's map: an SVG drawn in the browser from the outlines bundled with
// the app (map-outlines.ts), never from a tile server. Its projection is
// centred on the searched place and fitted to the search circle, so results a
// few kilometres apart stand apart; it shows the place, the circle, a scale
// and one numbered marker per result, numbered as the list below it (which is
// the accessible view; the map is one image with a summary for screen readers).
import { geoAzimuthalEquidistant, geoCircle, geoPath } from 'd3-geo';
import { useMemo } from 'preact/hooks';
import type { FinderResult } from '../types';
import { boxAround, outlinesWithin } from './map-outlines';

const SIZE = 400;
const PAD = 18;
const MARK = 12; // a marker's radius
const EARTH_KM = 6371.0088;

interface Marker {
  n: number;
  at: [number, number]; // where the listing is
  shown: [number, number]; // where its number is drawn: moved aside when another marker covers it
}

/** Marker positions with overlapping ones moved aside, round the first free spot nearby. */
function spread(points: [number, number][]): Marker[] {
  const placed: Marker[] = [];
  const free = (p: [number, number]) => placed.every((m) => Math.hypot(m.shown[0] - p[0], m.shown[1] - p[1]) >= 2 * MARK + 1);
  points.forEach((at, i) => {
    let shown: [number, number] = at;
    for (let step = 1; step < 200 && !free(shown); step++) {
      const angle = step * 2.399963; // the golden angle: each try lands somewhere new
      const r = 2 * MARK * Math.sqrt(step / 6 + 0.5);
      shown = [at[0] + r * Math.cos(angle), at[1] + r * Math.sin(angle)];
    }
    placed.push({ n: i + 1, at, shown });
  });
  return placed;
}

/** A round length for the scale bar: at most half the search radius. */
function scaleKm(withinKm: number): number {
  const nice = [0.5, 1, 2, 5, 10, 20, 50, 100, 200];
  return nice.filter((k) => k <= withinKm / 2).pop() ?? nice[0];
}

/** The map of a search's answer: the place, the circle of within_km around it, and its results as numbered markers. */
export function FinderMap({ answer }: { answer: FinderResult }) {
  const drawn = useMemo(() => {
    const { latitude: lat, longitude: lon } = answer.place;
    const km = answer.within_km;
    const circle = geoCircle()
      .center([lon, lat])
      .radius((km / EARTH_KM) * (180 / Math.PI))
      .precision(2)();
    const projection = geoAzimuthalEquidistant()
      .rotate([-lon, -lat])
      .clipAngle(90)
      .fitExtent(
        [
          [PAD, PAD],
          [SIZE - PAD, SIZE - PAD],
        ],
        circle,
      );
    projection.clipExtent([
      [0, 0],
      [SIZE, SIZE],
    ]);
    const path = geoPath(projection).digits(1);
    const outlines = outlinesWithin(boxAround(lon, lat, km));
    const centre = projection([lon, lat]) ?? [SIZE / 2, SIZE / 2];
    const north = projection([lon, lat + (km / EARTH_KM) * (180 / Math.PI)]) ?? centre;
    const pxPerKm = Math.hypot(north[0] - centre[0], north[1] - centre[1]) / km;
    const points = answer.results.map((r) => projection([r.listing.longitude, r.listing.latitude]) ?? centre);
    const barKm = scaleKm(km);
    return {
      land: outlines.land.map((g) => path(g) ?? '').join(''),
      states: outlines.stateLines.map((g) => path(g) ?? '').join(''),
      circle: path(circle) ?? '',
      centre,
      markers: spread(points as [number, number][]),
      bar: { km: barKm, px: barKm * pxPerKm },
    };
  }, [answer]);

  const n = answer.results.length;
  const label =
    `Map: ${answer.place.label} at the centre, a circle of ${answer.within_km} km around it, and ` +
    (n === 0
      ? 'no practitioners in it.'
      : `${n} numbered marker${n === 1 ? '' : 's'} for the practitioner${n === 1 ? '' : 's'} listed below, numbered as the list.`);
  const bar = drawn.bar;
  return (
    <figure class="finder-map" data-testid="finder-map">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={label} class="finder-map-svg">
        <rect class="map-water" x="0" y="0" width={SIZE} height={SIZE} />
        <path class="map-land" d={drawn.land} />
        <path class="map-states" d={drawn.states} />
        <path class="map-circle" d={drawn.circle} />
        <g class="map-place">
          <circle cx={drawn.centre[0]} cy={drawn.centre[1]} r="7" />
          <circle class="map-place-dot" cx={drawn.centre[0]} cy={drawn.centre[1]} r="2.5" />
        </g>
        {/* A marker moved aside points to where the listing is; the lines go under every marker. */}
        <g class="map-leaders">
          {drawn.markers
            .filter((m) => m.shown !== m.at)
            .map((m) => (
              <g key={m.n}>
                <line x1={m.at[0]} y1={m.at[1]} x2={m.shown[0]} y2={m.shown[1]} />
                <circle cx={m.at[0]} cy={m.at[1]} r="2.5" />
              </g>
            ))}
        </g>
        {drawn.markers.map((m) => (
          <g key={m.n} class="map-marker" data-n={m.n}>
            <circle cx={m.shown[0]} cy={m.shown[1]} r={MARK} />
            <text x={m.shown[0]} y={m.shown[1]}>
              {m.n}
            </text>
          </g>
        ))}
        <g class="map-scale" transform={`translate(${PAD} ${SIZE - PAD})`}>
          <rect x="-6" y="-24" width={bar.px + 12} height="30" rx="4" />
          <path d={`M0 -6 V0 H${bar.px.toFixed(1)} V-6`} />
          <text x={bar.px / 2} y="-10">
            {bar.km} km
          </text>
        </g>
      </svg>
      <figcaption class="small muted">
        The ring at the centre is {answer.place.label}; the circle is {answer.within_km} km around it; the numbers are the
        practitioners of the list. Map outlines: Natural Earth (world-atlas) and, for the lines between US states, the
        U.S. Census Bureau (us-atlas), drawn on this device; no map service is asked.
      </figcaption>
    </figure>
  );
}
