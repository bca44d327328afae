// Front and back figures with clickable regions and sides. Shapes are simple
// ellipses and rectangles over a plain silhouette; every shape is a keyboard
// button labelled with its region and side. Front view: the person's right is
// on the viewer's left; back view: the person's left is on the viewer's left.
import type { Region } from '../types';

export type PickSide = 'left' | 'right' | 'midline';

type Shape =
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r?: number };

interface Spot {
  region: string;
  side: PickSide;
  shape: Shape;
}

const e = (cx: number, cy: number, rx: number, ry: number): Shape => ({ kind: 'ellipse', cx, cy, rx, ry });
const r = (x: number, y: number, w: number, h: number, rr = 3): Shape => ({ kind: 'rect', x, y, w, h, r: rr });

/** Mirrors a shape around the figure's centre line (x = 100). */
function mirror(s: Shape): Shape {
  return s.kind === 'ellipse' ? { ...s, cx: 200 - s.cx } : { ...s, x: 200 - s.x - s.w };
}

/** A paired spot drawn on the viewer's left at `s`, mirrored for the other side. */
function pair(region: string, s: Shape, viewerLeftIs: 'left' | 'right'): Spot[] {
  const other = viewerLeftIs === 'left' ? 'right' : 'left';
  return [
    { region, side: viewerLeftIs, shape: s },
    { region, side: other, shape: mirror(s) },
  ];
}

// Front view: viewer's left is the person's right.
const FRONT: Spot[] = [
  ...pair('masseter', e(88, 52, 5, 8), 'right'),
  ...pair('scalenes', r(86, 64, 6, 16, 2), 'right'),
  ...pair('anterior-neck', r(93, 64, 6, 16, 2), 'right'),
  ...pair('pectorals', e(80, 106, 17, 12), 'right'),
  { region: 'abdomen', side: 'midline', shape: r(83, 136, 34, 62, 8) },
  ...pair('forearm', r(30, 190, 18, 64, 8), 'right'),
  ...pair('lateral-hip', e(67, 226, 7, 13), 'right'),
  ...pair('quadriceps', e(88, 284, 11, 38), 'right'),
  ...pair('lateral-thigh', r(68, 256, 7, 64, 3), 'right'),
];

// Back view: viewer's left is the person's left.
const BACK: Spot[] = [
  ...pair('suboccipitals', e(92, 58, 7, 4), 'left'),
  ...pair('splenius', r(92, 64, 7, 15, 2), 'left'),
  ...pair('upper-trapezius', e(72, 85, 17, 6), 'left'),
  ...pair('levator-scapulae', e(88, 96, 5, 8), 'left'),
  ...pair('infraspinatus', e(68, 122, 12, 16), 'left'),
  ...pair('rhomboids', e(85, 122, 5, 14), 'left'),
  ...pair('thoracic-paraspinals', r(93, 100, 6, 58, 3), 'left'),
  ...pair('low-back', r(86, 172, 12, 42, 4), 'left'),
  ...pair('glutes', e(84, 243, 16, 16), 'left'),
  ...pair('hamstrings', e(87, 296, 11, 38), 'left'),
  ...pair('calves', e(85, 377, 9, 28), 'left'),
  ...pair('plantar-fascia', e(85, 431, 8, 5), 'left'),
];

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

export interface BodyMapProps {
  regions: Region[];
  /** Whether this region and side is chosen (drawn filled). */
  isOn: (region: string, side: PickSide) => boolean;
  /** Whether this region and side is the one being looked at (drawn outlined). */
  isCurrent?: (region: string, side: PickSide) => boolean;
  onPick: (region: Region, side: PickSide) => void;
  /** A word for what clicking does, read to screen readers: "choose" or "log pain for". */
  verb: string;
}

export function notForSelfTreatment(region: Region): boolean {
  return region.region_class === 'practitioner-only' || region.region_class === 'needs-medical-clearance';
}

function sideLabel(side: PickSide): string {
  return side === 'midline' ? '' : `, ${side} side`;
}

function Figure({ spots, view, props }: { spots: Spot[]; view: 'front' | 'back'; props: BodyMapProps }) {
  const byId = new Map(props.regions.map((rg) => [rg.id, rg]));
  const title = view === 'front' ? 'Front of the body' : 'Back of the body';
  return (
    <figure class="figure">
      <svg viewBox="0 0 200 445" role="group" aria-label={title} class="bodymap-svg">
        <defs>
          <pattern id={`hatch-${view}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fbe3e3" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#a12622" stroke-width="2" />
          </pattern>
        </defs>
        <Silhouette />
        {spots.map((spot) => {
          const region = byId.get(spot.region);
          if (!region) return null;
          const blocked = notForSelfTreatment(region);
          const on = props.isOn(spot.region, spot.side);
          const current = props.isCurrent?.(spot.region, spot.side) ?? false;
          const cls = ['spot', blocked ? 'blocked' : '', on ? 'on' : '', current ? 'current' : ''].join(' ');
          const label =
            `${region.name}${sideLabel(spot.side)}` + (blocked ? ' (not for self-treatment)' : '');
          const activate = () => props.onPick(region, spot.side);
          const common = {
            class: cls,
            tabIndex: 0,
            role: 'button' as const,
            'aria-label': `${props.verb} ${label}`,
            'aria-pressed': on,
            'data-region': spot.region,
            'data-side': spot.side,
            fill: blocked ? `url(#hatch-${view})` : undefined,
            onClick: activate,
            onKeyDown: (ev: KeyboardEvent) => {
              if (ev.key === 'Enter' || ev.key === ' ') {
                ev.preventDefault();
                activate();
              }
            },
          };
          const s = spot.shape;
          return s.kind === 'ellipse' ? (
            <ellipse key={spot.region + spot.side} cx={s.cx} cy={s.cy} rx={s.rx} ry={s.ry} {...common}>
              <title>{label}</title>
            </ellipse>
          ) : (
            <rect key={spot.region + spot.side} x={s.x} y={s.y} width={s.w} height={s.h} rx={s.r} {...common}>
              <title>{label}</title>
            </rect>
          );
        })}
        <text x="8" y="14" class="fig-side" aria-hidden="true">
          {view === 'front' ? 'R' : 'L'}
        </text>
        <text x="192" y="14" text-anchor="end" class="fig-side" aria-hidden="true">
          {view === 'front' ? 'L' : 'R'}
        </text>
      </svg>
      <figcaption>{view === 'front' ? 'Front (as if facing you)' : 'Back (as if from behind)'}</figcaption>
    </figure>
  );
}

export function BodyMap(props: BodyMapProps) {
  return (
    <div class="bodymap">
      <Figure spots={FRONT} view="front" props={props} />
      <Figure spots={BACK} view="back" props={props} />
      <p class="legend">
        <span class="key key-on" aria-hidden="true" /> chosen <span class="key key-blocked" aria-hidden="true" /> not
        for self-treatment
      </p>
    </div>
  );
}

/** Regions the figures draw; any others appear only in the lists. */
export const DRAWN_REGIONS = new Set([...FRONT, ...BACK].map((s) => s.region));
