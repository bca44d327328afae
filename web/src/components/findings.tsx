// The screening findings in plain words: what each one means for the person
// and which areas or kinds of work it limits. A warning sign a recorded
// clearance has lifted, but the latest answers still raise, says who cleared
// it and links to the safety questions; the person's own clearance form is
// offered only while some warning sign still waits for a clearance. A finding
// that sends the person to a practitioner links to the finder for its need
// (once per need: the first finding that names it carries the link).
import type { Finding, Modality } from '../types';
import { levelWords } from '../util';
import { useLoad } from '../util';
import { api } from '../api';
import { useNames } from '../names';
import { awaitsClearance, ClearedAnswerAgain } from './answer-again';
import { ClearanceForm } from './clearance-form';
import { SourceNote } from './source-note';
import { FinderLink } from './finder-link';

const MODALITY_WORDS: Record<Modality, string> = {
  instrument: 'scraping with a tool',
  compression: 'rolling or pinning with movement',
  pressure: 'sustained pressure',
  movement: 'movement',
  preparation: 'preparation',
  percussion: 'percussion',
};

/**
 * The findings, most severe first as given; each need's finder link under the
 * first finding that names it, unless the page links to it already (`linked`).
 */
export function Findings({ findings, linked: linkedOnPage = [] }: { findings: Finding[]; linked?: (string | null)[] }) {
  const regions = useLoad(() => api.regions());
  const names = new Map((regions.data ?? []).map((r) => [r.id, r.name]));
  const named = useNames();
  if (findings.length === 0) return null;
  const linked = new Set<string | null>(linkedOnPage);
  const linkOf = (need: string | null) => {
    if (!need || linked.has(need)) return null;
    linked.add(need);
    return need;
  };
  return (
    <ul class="findings">
      {findings.map((f, i) => (
        <li key={f.rule + i} class={`finding level-${f.level}`}>
          <p class="finding-level">{levelWords[f.level]}</p>
          <p>{f.advice}</p>
          <FinderLink need={linkOf(f.finder_need)} />
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
          <ClearedAnswerAgain f={f} names={named} />
          <p>
            <SourceNote id={f.source} prefix="Source: " suffix="" />
          </p>
        </li>
      ))}
      {awaitsClearance(findings) ? (
        <li class="finding-clearance">
          <ClearanceForm stillYes={findings.some((f) => f.until_cleared && !f.carried)} />
        </li>
      ) : null}
    </ul>
  );
}
