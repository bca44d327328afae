// Front and back figures that are picked from in two taps, so every target is
// big enough for a finger. The whole-body view shows what is chosen and is
// cut into a few zones (head and neck, trunk, legs…); a zone is one large
// button. Tapping it shows that zone alone, enlarged to the full width, where
// each item (an area and side, or a place where pain is felt) has an
// invisible hit rectangle of at least 44×44 CSS px around its drawn shape.
// Coordinates are the figure's own (viewBox 0 0 200 445, centre line x = 100).
import { useEffect, useRef, useState } from 'preact/hooks';

export type View = 'front' | 'back';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Shape =
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r?: number };

export const ellipse = (cx: number, cy: number, rx: number, ry: number): Shape => ({ kind: 'ellipse', cx, cy, rx, ry });
export const rect = (x: number, y: number, w: number, h: number, rr = 3): Shape => ({ kind: 'rect', x, y, w, h, r: rr });

/** Mirrors a shape around the figure's centre line (x = 100). */
export function mirror(s: Shape): Shape {
  return s.kind === 'ellipse' ? { ...s, cx: 200 - s.cx } : { ...s, x: 200 - s.x - s.w };
}

/**
 * A part of one figure. `band` is its button on the whole-body view (full
 * figure width, tall enough for 44 px at 360 px screens); `box` is what the
 * enlarged view shows.
 */
export interface Zone {
  id: string;
  view: View;
  label: string;
  band: Box;
  box: Box;
}

/** One thing to pick. `half` keeps its hit area on its side of the centre line. */
export interface Item {
  key: string;
  zone: string;
  shape: Shape;
  half: 'viewer-left' | 'viewer-right' | null;
  /** Read to screen readers and shown as a tooltip, e.g. "Calves, left side". */
  label: string;
  /** CSS classes for the drawn shape (state: on, blocked, current). */
  cls: string;
  fill?: string;
  pressed: boolean;
  /** data-* attributes for the hit area, e.g. {"data-region": "calves"}. */
  data: Record<string, string>;
  /** What the item is called in `data-holds` of its zone's button. */
  holds: string;
  onPick: () => void;
}

/** The smallest CSS width a zoomed figure is drawn at (a 320 px screen less the page margins). */
const MIN_ZOOM_PX = 290;
const TARGET_PX = 44;

function bbox(s: Shape): Box {
  return s.kind === 'ellipse' ? { x: s.cx - s.rx, y: s.cy - s.ry, w: 2 * s.rx, h: 2 * s.ry } : { x: s.x, y: s.y, w: s.w, h: s.h };
}

/** One axis of a hit area: at least `min` long, centred on the shape, kept inside [lo, hi]. */
function span(start: number, len: number, min: number, lo: number, hi: number): [number, number] {
  const mid = start + len / 2;
  let a = Math.min(start, mid - min / 2);
  let b = Math.max(start + len, mid + min / 2);
  a = Math.max(a, lo);
  b = Math.min(b, hi);
  if (b - a < min) {
    if (a === lo) b = Math.min(hi, a + min);
    else a = Math.max(lo, b - min);
  }
  return [a, b];
}

/** The hit rectangle of an item in its zone's enlarged view (figure units). */
export function hitBox(item: Item, zone: Zone): Box {
  const b = bbox(item.shape);
  const min = (zone.box.w * TARGET_PX) / MIN_ZOOM_PX;
  const lo = item.half === 'viewer-right' ? Math.max(zone.box.x, 100) : zone.box.x;
  const hi = item.half === 'viewer-left' ? Math.min(zone.box.x + zone.box.w, 100) : zone.box.x + zone.box.w;
  const [x0, x1] = span(b.x, b.w, min, lo, hi);
  const [y0, y1] = span(b.y, b.h, min, zone.box.y, zone.box.y + zone.box.h);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * The hit rectangles of every item in a zone's enlarged view, with no two
 * overlapping: where two grown rectangles meet, the overlap is cut in the
 * middle along the axis where it is narrower, so a tap near the edge reaches
 * one thing only (the nearer one) and each keeps as much of its area as it can.
 */
export function hitBoxes(items: Item[], zone: Zone): Box[] {
  const boxes = items.map((i) => hitBox(i, zone));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const ow = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oh = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ow <= 0 || oh <= 0) continue;
      const [first, second] = ow <= oh ? (a.x + a.w / 2 <= b.x + b.w / 2 ? [a, b] : [b, a]) : a.y + a.h / 2 <= b.y + b.h / 2 ? [a, b] : [b, a];
      if (ow <= oh) {
        const cut = Math.max(first.x, second.x) + ow / 2;
        first.w = cut - first.x;
        second.w = second.x + second.w - cut;
        second.x = cut;
      } else {
        const cut = Math.max(first.y, second.y) + oh / 2;
        first.h = cut - first.y;
        second.h = second.y + second.h - cut;
        second.y = cut;
      }
    }
  return boxes;
}

function Silhouette() {
  return (
    <g class="silhouette" aria-hidden="true">
      <circle cx="100" cy="38" r="24" />
      <rect x="85" y="60" width="30" height="24" rx="6" />
      <path d="M56 84 Q100 74 144 84 L140 160 Q136 200 134 232 L66 232 Q64 200 60 160 Z" />
      <rect x="34" y="86" width="20" height="104" rx="10" />
      <rect x="146" y="86" width="20" height="104" rx="10" />
      <rect x="30" y="188" width="18" height="70" rx="9" />
      <rect x="152" y="188" width="18" height="70" rx="9" />
      <circle cx="39" cy="266" r="9" />
      <circle cx="161" cy="266" r="9" />
      <rect x="68" y="228" width="31" height="120" rx="12" />
      <rect x="101" y="228" width="31" height="120" rx="12" />
      <rect x="74" y="346" width="22" height="80" rx="10" />
      <rect x="104" y="346" width="22" height="80" rx="10" />
      <ellipse cx="85" cy="430" rx="12" ry="7" />
      <ellipse cx="115" cy="430" rx="12" ry="7" />
    </g>
  );
}

function Hatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#fbe3e3" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#a12622" stroke-width="2" />
      </pattern>
    </defs>
  );
}

function Drawn({ item, interactive }: { item: Item; interactive?: Record<string, unknown> }) {
  const s = item.shape;
  const props = { class: item.cls, fill: item.fill, ...(interactive ?? { 'aria-hidden': 'true' }) };
  return s.kind === 'ellipse' ? (
    <ellipse cx={s.cx} cy={s.cy} rx={s.rx} ry={s.ry} {...props} />
  ) : (
    <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={s.r} {...props} />
  );
}

function onKeys(activate: () => void) {
  return (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      activate();
    }
  };
}

const VIEW_WORDS: Record<View, { title: string; caption: string; left: string; right: string }> = {
  front: { title: 'Front of the body', caption: 'Front (as if facing you)', left: 'R', right: 'L' },
  back: { title: 'Back of the body', caption: 'Back (as if from behind)', left: 'L', right: 'R' },
};

export interface ZoomFiguresProps {
  /** Names this figure pair for screen readers and for ids, e.g. "areas" or "places". */
  name: string;
  zones: Zone[];
  items: Item[];
  /** What picking does, for the zone buttons: "Choose an area in", "Mark where it hurts in". */
  zoneVerb: string;
  legend?: preact.ComponentChildren;
}

export function ZoomFigures({ name, zones, items, zoneVerb, legend }: ZoomFiguresProps) {
  const [zoom, setZoom] = useState<string | null>(null);
  const zone = zones.find((z) => z.id === zoom) ?? null;
  const back = useRef<HTMLButtonElement>(null);
  const lastZone = useRef<string | null>(null);
  useEffect(() => {
    if (zone) back.current?.focus({ preventScroll: true });
    else if (lastZone.current)
      document.querySelector<SVGElement>(`[data-figure="${name}"] [data-zone="${lastZone.current}"]`)?.focus({ preventScroll: true });
  }, [zoom]);

  const open = (id: string) => {
    lastZone.current = id;
    setZoom(id);
  };

  if (zone) {
    const inZone = items.filter((i) => i.zone === zone.id);
    const hits = hitBoxes(inZone, zone);
    const z = zone.box;
    const hatch = `hatch-${name}-zoom`;
    return (
      <div class="bodymap zoomed" data-figure={name} data-zoom={zone.id}>
        <div class="zoom-bar">
          <button type="button" ref={back} onClick={() => setZoom(null)} data-testid={`${name}-whole-body`}>
            ← Whole body
          </button>
          <span class="zoom-title">{zone.label}</span>
        </div>
        <figure class="figure">
          <svg viewBox={`${z.x} ${z.y} ${z.w} ${z.h}`} role="group" aria-label={zone.label} class="bodymap-svg zoom-svg">
            <Hatch id={hatch} />
            <Silhouette />
            {inZone.map((item) => (
              <Drawn key={item.key} item={{ ...item, fill: item.fill ? `url(#${hatch})` : undefined }} />
            ))}
            {inZone.map((item, index) => {
              const h = hits[index];
              return (
                <rect
                  key={'hit-' + item.key}
                  class={'hit' + (item.pressed ? ' on' : '')}
                  x={h.x}
                  y={h.y}
                  width={h.w}
                  height={h.h}
                  rx={Math.min(h.w, h.h) / 6}
                  tabIndex={0}
                  role="button"
                  aria-label={item.label}
                  aria-pressed={item.pressed}
                  onClick={item.onPick}
                  onKeyDown={onKeys(item.onPick)}
                  {...item.data}
                >
                  <title>{item.label}</title>
                </rect>
              );
            })}
            <text x={z.x + 3} y={z.y + 8} class="fig-side zoom-side" aria-hidden="true">
              {VIEW_WORDS[zone.view].left}
            </text>
            <text x={z.x + z.w - 3} y={z.y + 8} text-anchor="end" class="fig-side zoom-side" aria-hidden="true">
              {VIEW_WORDS[zone.view].right}
            </text>
          </svg>
          <figcaption>{VIEW_WORDS[zone.view].caption}</figcaption>
        </figure>
        {legend}
      </div>
    );
  }

  return (
    <div class="bodymap" data-figure={name}>
      {(['front', 'back'] as View[]).map((view) => {
        const hatch = `hatch-${name}-${view}`;
        return (
          <figure class="figure" key={view}>
            <svg viewBox="0 0 200 445" role="group" aria-label={VIEW_WORDS[view].title} class="bodymap-svg">
              <Hatch id={hatch} />
              <Silhouette />
              {items
                .filter((i) => zones.find((z) => z.id === i.zone)?.view === view)
                .map((item) => (
                  <Drawn key={item.key} item={{ ...item, fill: item.fill ? `url(#${hatch})` : undefined }} />
                ))}
              {zones
                .filter((z) => z.view === view)
                .map((z) => {
                  const held = [...new Set(items.filter((i) => i.zone === z.id).map((i) => i.holds))];
                  return (
                    <rect
                      key={z.id}
                      class="zone"
                      x={z.band.x}
                      y={z.band.y}
                      width={z.band.w}
                      height={z.band.h}
                      tabIndex={0}
                      role="button"
                      aria-label={`${zoneVerb} ${z.label.toLowerCase()} (enlarged)`}
                      data-zone={z.id}
                      data-holds={held.join(' ')}
                      onClick={() => open(z.id)}
                      onKeyDown={onKeys(() => open(z.id))}
                    >
                      <title>{z.label}</title>
                    </rect>
                  );
                })}
              <text x="8" y="14" class="fig-side" aria-hidden="true">
                {VIEW_WORDS[view].left}
              </text>
              <text x="192" y="14" text-anchor="end" class="fig-side" aria-hidden="true">
                {VIEW_WORDS[view].right}
              </text>
            </svg>
            <figcaption>{VIEW_WORDS[view].caption}</figcaption>
          </figure>
        );
      })}
      {legend}
    </div>
  );
}
