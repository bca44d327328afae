// The words for a practitioner's clinic treatment (issue 10, point 4), shared
// by the form that records one (clinic-treatment-form.tsx) and the journal
// that lists it (views/journal.tsx): what was done, and what it means for the
// client's home work. The hold itself is the server's (core's treatment
// ledger); these words only name the kind's `counts_as` and the caps it
// meets, with their sources, as the knowledge base gives them.
import { areaList, type Names } from '../names';
import type { Caps, ClinicTreatment, Region, RegionSide, TreatmentModality } from '../types';
import { longDate } from '../util';
import { SourceNote } from './source-note';

/** "Trigger-point massage on Side of the neck, deep (scalenes) (left side); pressure 3/10; 5 minutes". */
export function treatmentLine(t: ClinicTreatment, names: Names): string {
  const pressure = t.pressure === null ? '' : `; pressure ${t.pressure}/10`;
  return `${names.of('treatments', t.treatment)} on ${areaList(t.regions, names)}${pressure}; ${t.minutes} minute${t.minutes === 1 ? '' : 's'}`;
}

/** The journal's words for one entry: what was done, what was seen, the note, and who recorded it where. */
export function journalLine(t: ClinicTreatment, names: Names, clinicName: string | undefined): string {
  const bare = (text: string) => text.trim().replace(/[.\s]+$/, '');
  const seen = bare(t.reaction) ? `; seen: ${bare(t.reaction)}` : '';
  const note = bare(t.note) ? `; note: ${bare(t.note)}` : '';
  return `${treatmentLine(t, names)}${seen}${note}. Recorded by ${t.practitioner}, ${clinicName ?? 'another clinic'}.`;
}

/**
 * What a treatment of `kind` means for `who`'s home work, in one paragraph:
 * the load it counts as and the caps that then hold home work back, each with
 * its source, or that it holds nothing back; areas only a practitioner may
 * treat are said to stay out of home plans. `areas`: the areas worked, once
 * known (the confirmation); without them the areas are "the areas worked".
 * `resumes`: the first day home work of that kind may go on there after this
 * treatment alone (the API's home_work_resumes, once recorded).
 */
export function HomeEffect({
  kind,
  caps,
  regions,
  names,
  who,
  areas,
  resumes,
  testid,
}: {
  kind: TreatmentModality;
  caps: Caps;
  regions: Region[];
  names: Names;
  who: string;
  areas?: RegionSide[];
  resumes?: string | null;
  testid?: string;
}) {
  const onlyPractitioner = (a: RegionSide) => regions.find((r) => r.id === a.region)?.region_class === 'practitioner-only';
  const clinicOnly = (areas ?? []).filter(onlyPractitioner);
  const home = (areas ?? []).filter((a) => !onlyPractitioner(a));
  const where = areas ? (home.length ? ` on ${areaList(home, names)}` : null) : ' on the areas worked';
  const gap = caps['instrument-min-hours-between'];
  const week = caps['instrument-sessions-per-7-days'];
  const pressGap = caps['compression-min-hours-between'];
  const checkin = caps['checkin-after-hours'];
  return (
    <p class="small" data-testid={testid}>
      {kind.counts_as === null ? (
        <>It counts as no home load: it holds none of {who}'s home work back. </>
      ) : where === null ? null : kind.counts_as === 'instrument' ? (
        <>
          It counts as instrument work{where}: {who}'s home instrument work there waits at least {gap.value} h after it
          <SourceNote id={gap.source} /> and until a check-in after it reports the skin and soreness settled
          <SourceNote id={checkin.source} />, and it counts toward the {week.value} instrument sessions allowed there in
          any 7 days
          <SourceNote id={week.source} />.{' '}
        </>
      ) : (
        <>
          It counts as {kind.counts_as} work{where}: {who}'s home compression and pressure work there waits at least{' '}
          {pressGap.value} h after it
          <SourceNote id={pressGap.source} />.{' '}
        </>
      )}
      {areas && home.length && kind.counts_as !== null ? (
        resumes ? (
          <>
            It may go on from {longDate(resumes)} at the earliest; {who}'s Today page says from which day it does.{' '}
          </>
        ) : (
          <>{who}'s Today page says from which day it may go on. </>
        )
      ) : null}
      {clinicOnly.length ? (
        <>
          {areaList(clinicOnly, names)} {clinicOnly.length === 1 ? 'is' : 'are'} for practitioners only: never in {who}'s
          home plan.
        </>
      ) : null}
    </p>
  );
}
