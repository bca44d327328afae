// The library: every protocol and technique fascia uses, and the sources
// each one rests on.
import { api } from '../api';
import type { IntRange, Protocol, Region, Source, Technique } from '../types';
import { LoadError, Loading, Page, useLoad } from '../util';

interface Data {
  protocols: Protocol[];
  techniques: Technique[];
  sources: Source[];
  regions: Region[];
}

function SourceRef({ id, sources }: { id: string; sources: Map<string, Source> }) {
  const s = sources.get(id);
  return (
    <span class="source small">
      Source:{' '}
      <a href={`#source-${id}`}>
        {s ? s.title : id}
      </a>
    </span>
  );
}

function doseText(dose: IntRange, unit: string): string {
  return dose[0] === dose[1] ? `${dose[0]} ${unit}` : `${dose[0]}–${dose[1]} ${unit}`;
}

export function LibraryView() {
  const d = useLoad(async (): Promise<Data> => {
    const [protocols, techniques, sources, regions] = await Promise.all([
      api.protocols(),
      api.techniques(),
      api.sources(),
      api.regions(),
    ]);
    return { protocols, techniques, sources, regions };
  });
  return (
    <Page title="Library" wide>
      <p>
        What fascia's plans are made of, and where each piece comes from. The protocols are the advice of their sources,
        not proven medicine.
      </p>
      {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
      {d.loading && !d.data ? <Loading what="the library" /> : null}
      {d.data ? <LibraryBody d={d.data} /> : null}
    </Page>
  );
}

function LibraryBody({ d }: { d: Data }) {
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  const tech = new Map(d.techniques.map((t) => [t.id, t]));
  const rn = new Map(d.regions.map((r) => [r.id, r.name]));
  return (
    <>
      <nav aria-label="Library sections" class="toc">
        <a href="#protocols">Protocols</a> · <a href="#techniques">Techniques</a> · <a href="#sources">Sources</a>
      </nav>
      <h2 id="protocols">Protocols</h2>
      {d.protocols.map((p) => (
        <details key={p.id} class="lib-item" data-protocol={p.id}>
          <summary>
            <strong>{p.name}</strong> <span class="muted">— {p.condition}</span>
          </summary>
          <p>{p.summary}</p>
          <p class="small">
            Up to {p.sessions_per_week} sessions a week for {p.weeks[0]}–{p.weeks[1]} weeks.
            {p.eligible_regions.length ? ` Areas: ${p.eligible_regions.map((r) => rn.get(r) ?? r).join(', ')}.` : ''}
          </p>
          <ol>
            {p.steps.map((s, i) => {
              const t = tech.get(s.technique);
              return (
                <li key={i}>
                  <strong>{t?.name ?? s.technique}</strong>
                  {s.region !== '$target' ? ` — ${rn.get(s.region) ?? s.region}` : ''}: {doseText(s.dose, t?.unit ?? '')}
                  {s.per_side ? ' each side' : ''}
                  {s.pressure ? `, pressure ${s.pressure[0]}–${s.pressure[1]}/10` : ''}. {s.instruction}
                </li>
              );
            })}
          </ol>
          <SourceRef id={p.source} sources={sources} />
        </details>
      ))}
      <h2 id="techniques">Techniques</h2>
      <dl class="lib-list">
        {d.techniques.map((t) => (
          <div key={t.id}>
            <dt>{t.name}</dt>
            <dd>
              {t.description} <span class="muted small">Dosed in {t.unit}.</span> <SourceRef id={t.source} sources={sources} />
            </dd>
          </div>
        ))}
      </dl>
      <h2 id="sources">Sources</h2>
      <ul class="sources">
        {d.sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            <strong>{s.title}</strong>
            {s.citation ? <> — {s.citation}</> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
