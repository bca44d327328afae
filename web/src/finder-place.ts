// The last place a person found practitioners near, kept in this browser's
// local storage so the finder's form starts with it next time. One per
// account (someone else signing in on the same browser does not see it);
// never sent anywhere: it leaves the device only as the place of a search the
// person asks for.

const PREFIX = 'fascia.finder-place.';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the form simply starts empty
  }
}

/** The last place `person` searched on this device, or '' when none is kept. */
export function rememberedPlace(person: number): string {
  try {
    return storage()?.getItem(PREFIX + person) ?? '';
  } catch {
    return '';
  }
}

/** Keeps `place` (a place label that resolves exactly) as `person`'s last place on this device. */
export function rememberPlace(person: number, place: string): void {
  try {
    storage()?.setItem(PREFIX + person, place);
  } catch {
    // full or disabled storage: the form starts empty next time, nothing else changes
  }
}
