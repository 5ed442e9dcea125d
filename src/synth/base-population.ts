import type { Sex } from '../domain/person/person-events';
import { dayOf, type Day } from './civil-days';
import { linkBaseFamilies } from './base-families';
import { familyOrder } from './family-order';
import { baseEducation } from './education';
import { baseEmployment } from './employment';
import { scheduleMarriage } from './marriages';
import { recordedName, registeredBirthDate, scheduleDuplicate } from './register-defects';
import { familyName, randomMotherName } from './synth-names';
import { spouseIn, type Person } from './synth-person';
import type { SynthWorld } from './synth-world';

/** Commands scheduled between pauses: the caller drains the queue, so a million persons' commands are never all held. */
const PAUSE_EVERY = 10_000;

/**
 * The population on the first day, by age and sex from the rates, linked into families and
 * enrolled from the legacy registers with what they knew of marriages, schooling and work.
 * Pauses every few thousand persons: everything scheduled so far is recorded on the first day,
 * after everything scheduled before, so draining the queue then changes nothing in the stream.
 */
export function* basePopulation(w: SynthWorld, persons: number): Generator<void> {
  const { rates } = w;
  const y0 = dayOf(w.startYear);
  const first = w.persons.length;
  const maleShare = rates.baseSexRatio / (1 + rates.baseSexRatio);
  const drafts: Person[] = [];
  for (let n = 0; n < persons; n++) {
    const age = 5 * w.random.weighted(rates.ageGroupShares) + w.random.int(5);
    const sex: Sex = w.random.chance(maleShare) ? 'M' : 'F';
    const birth = dayOf(w.startYear - age - 1) + 1 + w.random.int(364);
    drafts.push(w.newPerson(sex, birth, w.random.weighted(w.areaWeights)));
  }
  // Oldest first: persons are linked to parents among those before them, and enrolled in that order family by family.
  drafts.sort((a, b) => a.birth - b.birth);
  for (const draft of drafts) w.register(draft);
  linkBaseFamilies(w, first, first + drafts.length, y0);

  // Recorded on the first day family by family (see familyOrder), each person with what the
  // registers knew of them right after their enrolment: their marriages whose spouse is enrolled,
  // schooling and work. A bulk load then finds nearly everyone a command names among the persons
  // it recorded last, instead of reading most of them back.
  const order = familyOrder(w.persons, first, first + drafts.length);
  const recordMarriagesOf = marriagesOnceEnrolled(w, y0);
  for (let n = 0; n < order.length; n++) {
    const i = order[n]!;
    enrolFromRegister(w, i, y0);
    recordMarriagesOf(i);
    baseEducation(w, i, y0);
    baseEmployment(w, i, y0);
    if ((n + 1) % PAUSE_EVERY === 0) yield;
  }
  w.counts.basePersons = drafts.length;
}

/**
 * Told each base person right after their enrolment: records every marriage of theirs whose
 * spouses are both enrolled, and each spouse's marriages in the order they were married (a
 * husband's second wife may be enrolled before his first).
 */
function marriagesOnceEnrolled(w: SynthWorld, day: Day): (person: number) => void {
  const enrolled = new Uint8Array(w.persons.length);
  const recorded = new Uint8Array(w.marriages.length);
  const earlierRecorded = (person: number, marriage: number) => w.persons[person]!.marriages.every((k) => k >= marriage || recorded[k]);
  const recordReady = (person: number): void => {
    for (const k of w.persons[person]!.marriages) {
      if (recorded[k]) continue;
      const spouse = spouseIn(w.marriages[k]!, person);
      if (!enrolled[spouse] || !earlierRecorded(spouse, k)) return;
      recorded[k] = 1;
      scheduleMarriage(w, w.marriages[k]!, day);
      recordReady(spouse);
    }
  };
  return (person) => {
    enrolled[person] = 1;
    recordReady(person);
  };
}

function enrolFromRegister(w: SynthWorld, i: number, day: Day): void {
  const p = w.persons[i]!;
  const dateOfBirth = registeredBirthDate(w, p);
  const book = 1 + w.random.int(60);
  const page = 1 + w.random.int(400);
  const motherName = p.mother < 0 ? randomMotherName(w.random, familyName(w.random)) : undefined;
  const data = {
    nationalId: p.id,
    name: recordedName(w, p),
    sex: p.sex,
    dateOfBirth,
    placeOfBirth: w.areas[p.area]!,
    nationality: p.nationality,
    residency: 'citizen' as const,
    ...(motherName && { motherName }),
    ...(p.mother >= 0 && { motherId: w.persons[p.mother]!.id }),
    ...(p.father >= 0 && { fatherId: w.persons[p.father]!.id }),
    source: { kind: 'legacy-register' as const, reference: `${w.areas[p.area]} family register ${book}, page ${page}` },
  };
  p.lastDay = day;
  w.schedule(day, { type: 'EnrolPerson', key: w.key(), agency: w.agencyFor(p.area), data });
  w.counts.enrolments++;
  if (w.random.chance(w.rates.defects.duplicate)) scheduleDuplicate(w, p, data);
}
