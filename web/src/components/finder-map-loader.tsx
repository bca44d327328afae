// The finder's map, fetched from this server only when a search has results
// (a chunk of its own: the outlines are most of its weight), so no other
// page pays for them. Until it arrives, or if it cannot be fetched, the list
// stands alone: the map adds nothing the list does not say.
import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import type { FinderResult } from '../types';

type MapComponent = FunctionComponent<{ answer: FinderResult }>;
let loaded: MapComponent | null = null;

/** FinderMap (finder-map.tsx), loaded on first use and kept for the page's life. */
export function FinderMapLoader({ answer }: { answer: FinderResult }) {
  const [Map, setMap] = useState<MapComponent | null>(() => loaded);
  useEffect(() => {
    if (Map) return;
    let live = true;
    import('./finder-map')
      .then((m) => {
        loaded = m.FinderMap;
        if (live) setMap(() => m.FinderMap);
      })
      .catch(() => undefined);  // no map: the list is the answer
    return () => {
      live = false;
    };
  }, [Map]);
  return Map ? <Map answer={answer} /> : null;
}
