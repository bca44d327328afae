// The map outlines the finder's map imports as JSON (components/map-outlines.ts).
// esbuild's JSON loader bundles them into app.js; TypeScript reads them as
// TopoJSON topologies through these declarations instead of parsing the files.
declare module 'world-atlas/land-50m.json' {
  import type { Topology } from 'topojson-specification';
  const topology: Topology;
  export default topology;
}

declare module 'us-atlas/states-10m.json' {
  import type { Topology } from 'topojson-specification';
  const topology: Topology;
  export default topology;
}
