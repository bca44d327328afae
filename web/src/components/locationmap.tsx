// Places where pain is felt, marked on the front and back figures for the
// "pain here often comes from there" finder. Each place is drawn as a dot
// (on both sides for places that exist on both sides; either dot picks the
// same place) and picked in two taps like the areas (zoomfigure.tsx). Places
// that are not a spot on the body (dizziness) are only in the list.
import type { PainLocation } from '../types';
import { ellipse, mirror, type Item, type Shape, type Zone, ZoomFigures } from './zoomfigure';

export const PLACE_ZONES: Zone[] = [
  { id: 'place-front-head', view: 'front', label: 'Face, head and neck, front', band: { x: 0, y: 0, w: 200, h: 84 }, box: { x: 66, y: 6, w: 68, h: 78 } },
  { id: 'place-front-body', view: 'front', label: 'Chest, shoulders and arms, front', band: { x: 0, y: 84, w: 200, h: 216 }, box: { x: 20, y: 80, w: 160, h: 205 } },
  { id: 'place-back-head', view: 'back', label: 'Head, back and sides', band: { x: 0, y: 0, w: 200, h: 74 }, box: { x: 66, y: 6, w: 68, h: 70 } },
  { id: 'place-back-upper', view: 'back', label: 'Neck, shoulders and upper back', band: { x: 0, y: 74, w: 200, h: 96 }, box: { x: 50, y: 70, w: 100, h: 100 } },
];

interface Place {
  zone: string;
  /** Drawn on the viewer's left and mirrored, or once on the centre line. */
  at: [number, number];
  paired: boolean;
}

const dot = (x: number, y: number): Shape => ellipse(x, y, 3.2, 3.2);

/** Where each place is drawn (figure units); places not listed have no spot on the body. */
const PLACES: Record<string, Place> = {
  'top-of-head': { zone: 'place-front-head', at: [100, 12], paired: false },
  forehead: { zone: 'place-front-head', at: [100, 24], paired: false },
  'over-eye': { zone: 'place-front-head', at: [91, 32], paired: true },
  'behind-eye': { zone: 'place-front-head', at: [91, 42], paired: true },
  temple: { zone: 'place-front-head', at: [79, 33], paired: true },
  ear: { zone: 'place-front-head', at: [72, 45], paired: true },
  cheek: { zone: 'place-front-head', at: [86, 52], paired: true },
  'jaw-angle': { zone: 'place-front-head', at: [79, 60], paired: true },
  'side-of-neck': { zone: 'place-front-head', at: [86, 72], paired: true },
  'front-of-shoulder': { zone: 'place-front-body', at: [62, 92], paired: true },
  chest: { zone: 'place-front-body', at: [100, 112], paired: false },
  'outer-arm': { zone: 'place-front-body', at: [44, 122], paired: true },
  'thumb-index-finger': { zone: 'place-front-body', at: [38, 270], paired: true },
  'side-of-head': { zone: 'place-back-head', at: [79, 28], paired: true },
  mastoid: { zone: 'place-back-head', at: [81, 52], paired: true },
  'angle-of-neck': { zone: 'place-back-upper', at: [80, 84], paired: true },
  'inner-shoulder-blade': { zone: 'place-back-upper', at: [86, 120], paired: true },
};

/** Whether a place has a spot on the figures. */
export function onFigure(id: string): boolean {
  return id in PLACES;
}

export function LocationMap({
  locations,
  chosen,
  toggle,
}: {
  locations: PainLocation[];
  chosen: string[];
  toggle: (id: string) => void;
}) {
  const items: Item[] = [];
  for (const l of locations) {
    const p = PLACES[l.id];
    if (!p) continue;
    const on = chosen.includes(l.id);
    const base = {
      zone: p.zone,
      cls: 'place' + (on ? ' on' : ''),
      pressed: on,
      holds: l.id,
      data: { 'data-location': l.id },
      onPick: () => toggle(l.id),
    };
    const s = dot(p.at[0], p.at[1]);
    if (p.paired) {
      // Front view: the person's right is on the viewer's left; back view: their left.
      const front = PLACE_ZONES.find((z) => z.id === p.zone)?.view === 'front';
      const [a, b] = front ? ['right', 'left'] : ['left', 'right'];
      items.push({ ...base, key: l.id + '-a', shape: s, half: 'viewer-left', label: `${l.name}, ${a} side` });
      items.push({ ...base, key: l.id + '-b', shape: mirror(s), half: 'viewer-right', label: `${l.name}, ${b} side` });
    } else items.push({ ...base, key: l.id, shape: s, half: null, label: l.name });
  }
  return (
    <ZoomFigures
      name="places"
      zones={PLACE_ZONES}
      items={items}
      zoneVerb="Mark where it hurts:"
      legend={
        <p class="legend">
          <span class="key key-on" aria-hidden="true" /> marked. Tap a part of the body to enlarge it, then tap the place;
          the list below has the same places.
        </p>
      }
    />
  );
}
