import { ageOn, dayOf, isoDay, yearOf, type Day } from './civil-days';
import type { Person } from './synth-person';
import type { SynthWorld } from './synth-world';

/** The ledger's education levels in order (primary … master's), with the ages each is studied at. */
const EDUCATION_PATH = [1, 2, 3, 6, 7];
const EDUCATION_START_AGE = [6, 12, 15, 18, 22];
const EDUCATION_END_AGE = [12, 15, 18, 22, 24];

function recordEducation(w: SynthWorld, p: Person, level: number, status: 'enrolled' | 'completed' | 'left', date: Day, minDay = 0): void {
  const day = Math.max(minDay, w.recordDay(date, 60, p));
  p.lastDay = day;
  const institution = level <= 3 ? `${['Primary', 'Preparatory', 'Secondary'][level - 1]} school, ${w.areas[p.area]}` : level === 6 ? 'University of Benghazi' : 'University of Tripoli';
  w.schedule(day, { type: 'RecordEducation', key: w.key(), agency: w.agencyFor(p.area), nationalId: p.id, data: { level, institution, status, date: isoDay(date) } });
  w.counts.education++;
}

function enrolIn(w: SynthWorld, p: Person, level: number, date: Day): void {
  if (date > p.death) return;
  p.studying = level;
  recordEducation(w, p, EDUCATION_PATH[level]!, 'enrolled', date);
}

/** A base person's schooling as the registers know it on the first day: the level studied or last completed. */
export function baseEducation(w: SynthWorld, i: number, day: Day): void {
  const p = w.persons[i]!;
  const age = ageOn(p.birth, day);
  if (age < 6) return;
  const older = yearOf(p.birth) < 1960 ? 0.6 : 1;
  let level = 0;
  while (level < EDUCATION_PATH.length - 1 && age >= EDUCATION_END_AGE[level]! && w.random.chance(w.rates.educationContinuation[level]! * older)) level++;
  const year = yearOf(p.birth);
  if (age < EDUCATION_END_AGE[level]!) {
    p.studying = level;
    p.completed = level - 1;
    const started = dayOf(year + EDUCATION_START_AGE[level]!, 9, 15);
    recordEducation(w, p, EDUCATION_PATH[level]!, 'enrolled', Math.min(started, day - 1), day);
  } else {
    p.completed = level;
    recordEducation(w, p, EDUCATION_PATH[level]!, 'completed', dayOf(year + EDUCATION_END_AGE[level]!, 6, 30), day);
  }
}

/** One school year: six-year-olds start school, those at a level's end age complete or leave it, some go on. */
export function schooling(w: SynthWorld, year: number, y0: Day, count: number): void {
  for (let i = 0; i < count; i++) {
    const p = w.persons[i]!;
    if (p.abroad || p.death < y0) continue;
    const age = year - p.birthYear;
    if (p.studying < 0) {
      if (age === 6 && p.completed < 0) enrolIn(w, p, 0, dayOf(year, 9, 15));
      continue;
    }
    if (age !== EDUCATION_END_AGE[p.studying]) continue;
    const end = dayOf(year, 6, 30);
    if (end > p.death) continue;
    const level = p.studying;
    const completes = w.random.chance(0.93);
    recordEducation(w, p, EDUCATION_PATH[level]!, completes ? 'completed' : 'left', end);
    p.studying = -1;
    if (!completes) continue;
    p.completed = level;
    if (level + 1 < EDUCATION_PATH.length && w.random.chance(w.rates.educationContinuation[level]!)) enrolIn(w, p, level + 1, dayOf(year, 9, 15));
  }
}
