// Front and back figures with tappable regions and sides, picked in two
// taps (a zone of the body, then the area enlarged, see zoomfigure.tsx) so
// that every target is at least 44×44 CSS px. Shapes are simple ellipses and
// rectangles over a plain silhouette; every hit area is a keyboard button
// labelled with its region and side. Front view: the person's right is on the
// viewer's left; back view: the person's left is on the viewer's left.
import type { Region } from '../types';
import { ellipse as e, mirror, rect as r, type Item, type Shape, type Zone, ZoomFigures } from './zoomfigure';

export type PickSide = 'left' | 'right' | 'midline';

interface Spot {
  region: string;
  side: PickSide;
  zone: string;
  shape: Shape;
  half: Item['half'];
}

/** A paired spot drawn on the viewer's left at `s`, mirrored for the other side. */
function pair(zone: string, region: string, s: Shape, viewerLeftIs: 'left' | 'right'): Spot[] {
  const other = viewerLeftIs === 'left' ? 'right' : 'left';
  return [
    { region, zone, side: viewerLeftIs, shape: s, half: 'viewer-left' },
    { region, zone, side: other, shape: mirror(s), half: 'viewer-right' },
  ];
}

/** The zones: bands on the whole-body view (each at least 74 units tall) and what each enlarges. */
export const AREA_ZONES: Zone[] = [
  { id: 'front-head', view: 'front', label: 'Head and neck, front', band: { x: 0, y: 0, w: 200, h: 88 }, box: { x: 74, y: 14, w: 52, h: 70 } },
  { id: 'front-trunk', view: 'front', label: 'Chest, belly, arms and hips, front', band: { x: 0, y: 88, w: 200, h: 174 }, box: { x: 20, y: 88, w: 160, h: 174 } },
  { id: 'front-legs', view: 'front', label: 'Thighs, front', band: { x: 0, y: 262, w: 200, h: 183 }, box: { x: 55, y: 240, w: 90, h: 90 } },
  { id: 'back-head', view: 'back', label: 'Head and neck, back', band: { x: 0, y: 0, w: 200, h: 76 }, box: { x: 74, y: 14, w: 52, h: 68 } },
  { id: 'back-upper', view: 'back', label: 'Shoulders and upper back', band: { x: 0, y: 76, w: 200, h: 89 }, box: { x: 62, y: 74, w: 76, h: 91 } },
  { id: 'back-lower', view: 'back', label: 'Low back and buttocks', band: { x: 0, y: 165, w: 200, h: 97 }, box: { x: 62, y: 165, w: 76, h: 97 } },
  { id: 'back-legs', view: 'back', label: 'Legs and feet, back', band: { x: 0, y: 262, w: 200, h: 183 }, box: { x: 62, y: 255, w: 76, h: 187 } },
];

// Shapes are placed so that, grown to 44 px and cut where they meet
// (zoomfigure.hitBoxes), every hit area still keeps 44 × 44 px at 320 px wide.
// Front view: viewer's left is the person's right.
const FRONT: Spot[] = [
  ...pair('front-head', 'masseter', e(88, 52, 5, 8), 'right'),
  ...pair('front-head', 'scalenes', r(85, 64, 6, 16, 2), 'right'),
  ...pair('front-head', 'anterior-neck', r(93, 64, 6, 16, 2), 'right'),
  ...pair('front-trunk', 'pectorals', e(80, 106, 17, 12), 'right'),
  { region: 'abdomen', zone: 'front-trunk', side: 'midline', shape: r(83, 136, 34, 62, 8), half: null },
  ...pair('front-trunk', 'forearm', r(30, 190, 18, 64, 8), 'right'),
  ...pair('front-trunk', 'lateral-hip', e(67, 226, 7, 13), 'right'),
  ...pair('front-legs', 'quadriceps', e(89.5, 284, 10, 38), 'right'),
  ...pair('front-legs', 'lateral-thigh', r(67, 256, 6, 64, 3), 'right'),
];

// Back view: viewer's left is the person's left.
const BACK: Spot[] = [
  ...pair('back-head', 'suboccipitals', e(92, 58, 7, 4), 'left'),
  ...pair('back-head', 'splenius', r(92, 64, 7, 15, 2), 'left'),
  ...pair('back-upper', 'upper-trapezius', e(72, 84, 17, 6), 'left'),
  ...pair('back-upper', 'levator-scapulae', e(88, 97, 5, 7), 'left'),
  ...pair('back-upper', 'infraspinatus', e(67, 124, 9, 16), 'left'),
  ...pair('back-upper', 'rhomboids', e(82, 124, 4, 14), 'left'),
  ...pair('back-upper', 'thoracic-paraspinals', r(94, 104, 6, 54, 3), 'left'),
  ...pair('back-lower', 'low-back', r(86, 172, 12, 42, 4), 'left'),
  ...pair('back-lower', 'glutes', e(84, 243, 16, 16), 'left'),
  ...pair('back-legs', 'hamstrings', e(87, 296, 11, 38), 'left'),
  ...pair('back-legs', 'calves', e(85, 377, 9, 28), 'left'),
  ...pair('back-legs', 'plantar-fascia', e(85, 431, 8, 5), 'left'),
];

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

export function BodyMap(props: BodyMapProps) {
  const byId = new Map(props.regions.map((rg) => [rg.id, rg]));
  const items: Item[] = [];
  for (const spot of [...FRONT, ...BACK]) {
    const region = byId.get(spot.region);
    if (!region) continue;
    const blocked = notForSelfTreatment(region);
    const on = props.isOn(spot.region, spot.side);
    const current = props.isCurrent?.(spot.region, spot.side) ?? false;
    const label = `${region.name}${sideLabel(spot.side)}` + (blocked ? ' (not for self-treatment)' : '');
    items.push({
      key: spot.region + '-' + spot.side,
      zone: spot.zone,
      shape: spot.shape,
      half: spot.half,
      label: `${props.verb} ${label}`,
      cls: ['spot', blocked ? 'blocked' : '', on ? 'on' : '', current ? 'current' : ''].join(' '),
      fill: blocked ? 'hatch' : undefined,
      pressed: on,
      data: { 'data-region': spot.region, 'data-side': spot.side },
      holds: spot.region,
      onPick: () => props.onPick(region, spot.side),
    });
  }
  return (
    <ZoomFigures
      name="areas"
      zones={AREA_ZONES}
      items={items}
      zoneVerb={`${props.verb} an area:`}
      legend={
        <p class="legend">
          <span class="key key-on" aria-hidden="true" /> chosen <span class="key key-blocked" aria-hidden="true" /> not
          for self-treatment. Tap a part of the body to enlarge it, then tap the area.
        </p>
      }
    />
  );
}

/** Regions the figures draw; any others appear only in the lists. */
export const DRAWN_REGIONS = new Set([...FRONT, ...BACK].map((s) => s.region));
