// The side of an area, as the API takes it: both, left or right for a paired
// region, the middle for a midline one. One select for every form that names
// an area and its side (program-form.tsx, clinic-treatment-form.tsx).
import type { Region, Side } from '../types';
import { sideWord } from '../util';

/** The sides one can pick for a region: both, left or right; the middle for a midline region. */
export function sidesOf(region: Region | undefined): Side[] {
  return region?.laterality === 'midline' ? ['midline'] : ['both', 'left', 'right'];
}

/** The side to keep when the area becomes `region`: `side` when it fits, else the region's first. */
export function keptSide(region: Region | undefined, side: Side): Side {
  const sides = sidesOf(region);
  return sides.includes(side) ? side : sides[0];
}

/** A select of the sides that fit `region`, each in words ("left side"). */
export function SideSelect({
  id,
  region,
  value,
  onChange,
  invalid,
}: {
  id: string;
  region: Region | undefined;
  value: Side;
  onChange: (side: Side) => void;
  invalid?: boolean;
}) {
  return (
    <select id={id} value={value} aria-invalid={invalid ? 'true' : undefined} onChange={(e) => onChange(e.currentTarget.value as Side)}>
      {sidesOf(region).map((s) => (
        <option key={s} value={s}>
          {sideWord(s)}
        </option>
      ))}
    </select>
  );
}
