// The screening findings in plain words: what each one means for the person
// and which areas or kinds of work it limits.
import type { Finding, Modality } from '../types';
import { levelWords } from '../util';
import { useLoad } from '../util';
import { api } from '../api';
import { ClearanceForm } from './clearance-form';
import { SourceNote } from './source-note';

const MODALITY_WORDS: Record<Modality, string> = {
  instrument: 'scraping with a tool',
  compression: 'rolling or pinning with movement',
  pressure: 'sustained pressure',
  movement: 'movement',
  preparation: 'preparation',
  percussion: 'percussion',
};

export function Findings({ findings }: { findings: Finding[] }) {
  const regions = useLoad(() => api.regions());
  const names = new Map((regions.data ?? []).map((r) => [r.id, r.name]));
  if (findings.length === 0) return null;
  return (
    <ul class="findings">
      {findings.map((f, i) => (
        <li key={f.rule + i} class={`finding level-${f.level}`}>
          <p class="finding-level">{levelWords[f.level]}</p>
          <p>{f.advice}</p>
          {f.regions.length ? (
            <p class="small">
              Applies to:{' '}
              {f.regions
                .map((r) => (names.get(r.region) ?? r.region) + (r.side === 'left' || r.side === 'right' ? ` (${r.side})` : ''))
                .join(', ')}
            </p>
          ) : null}
          {f.modalities.length ? (
            <p class="small">Applies to: {f.modalities.map((m) => MODALITY_WORDS[m]).join(', ')}</p>
          ) : null}
          {f.pressure_cap !== null ? <p class="small">Pressure no higher than {f.pressure_cap} out of 10.</p> : null}
          {f.gentle ? <p class="small">Use the gentlest dose.</p> : null}
          <p>
            <SourceNote id={f.source} prefix="Source: " suffix="" />
          </p>
        </li>
      ))}
      {findings.some((f) => f.until_cleared) ? (
        <li class="finding-clearance">
          <ClearanceForm />
        </li>
      ) : null}
    </ul>
  );
}
