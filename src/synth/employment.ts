import { ageOn, birthday, isoDay, yearOf, type Day } from './civil-days';
import { ageOnJanuaryFirst, type Person } from './synth-person';
import type { SynthWorld } from './synth-world';

const OCCUPATIONS = ['2341', '2221', '2211', '3313', '4110', '5223', '7411', '8322', '9313', '2141', '1120', '2512', '5414', '6111', '7115'];
const EMPLOYERS = ['Ministry of Education', 'Ministry of Health', 'National Oil Corporation', 'General Electricity Company', 'Libyana Mobile', 'Jumhouria Bank', 'Municipal council', 'Private clinic', 'Family business', 'Construction company', 'University', 'Port authority'];
const SECTORS = ['public', 'private', 'self-employed', 'non-profit'] as const;
const SECTOR_WEIGHTS = [0.6, 0.25, 0.13, 0.02];
const END_REASONS = ['resignation', 'contract ended', 'dismissal'];
const EMPLOYMENT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A serial in Crockford base 32 (unique), then random characters (not guessable). */
function employmentId(w: SynthWorld): string {
  let n = ++w.employments;
  let text = '';
  for (let i = 0; i < 5; i++) {
    text = EMPLOYMENT_ALPHABET[n % 32]! + text;
    n = Math.floor(n / 32);
  }
  for (let i = 0; i < 7; i++) text += EMPLOYMENT_ALPHABET[w.random.int(32)];
  return text;
}

function startEmployment(w: SynthWorld, p: Person, date: Day, minDay = 0): void {
  const id = employmentId(w);
  p.employment = { id, start: date };
  const day = Math.max(minDay, w.recordDay(date, 60, p));
  p.lastDay = day;
  w.schedule(day, {
    type: 'StartEmployment',
    key: w.key(),
    agency: w.agencyFor(p.area),
    nationalId: p.id,
    data: {
      employmentId: id,
      employer: w.random.pick(EMPLOYERS),
      occupation: w.random.pick(OCCUPATIONS),
      sector: SECTORS[w.random.weighted(SECTOR_WEIGHTS)]!,
      date: isoDay(date),
    },
  });
  w.counts.employmentStarts++;
}

export function endEmployment(w: SynthWorld, p: Person, date: Day, reason: string): void {
  const { id } = p.employment!;
  p.employment = undefined;
  const day = w.recordDay(date, 60, p);
  w.schedule(day, { type: 'EndEmployment', key: w.key(), agency: w.agencyFor(p.area), nationalId: p.id, data: { employmentId: id, date: isoDay(date), reason } });
  w.counts.employmentEnds++;
}

/** A base person's job on the first day, started up to fifteen years before. */
export function baseEmployment(w: SynthWorld, i: number, day: Day): void {
  const p = w.persons[i]!;
  const age = ageOn(p.birth, day);
  if (age < 19 || age > 64 || p.studying >= 0) return;
  if (!w.random.chance(p.sex === 'M' ? 0.7 : 0.25)) return;
  const from = Math.max(birthday(p.birth, 18), day - 15 * 365);
  startEmployment(w, p, from + w.random.int(day - from), day);
}

/** One year of work: jobs end (retirement at 65), adults out of school start one. */
export function work(w: SynthWorld, y0: Day, y1: Day, count: number): void {
  for (let i = 0; i < count; i++) {
    const p = w.persons[i]!;
    if (p.abroad || p.death < y0) continue;
    const age = ageOnJanuaryFirst(p, yearOf(y0));
    if (p.employment) {
      if (age >= 64) {
        const retirement = birthday(p.birth, 65);
        if (retirement < y1 && retirement <= p.death) endEmployment(w, p, Math.max(retirement, p.employment.start), 'retirement');
        continue;
      }
      if (!w.random.chance(w.rates.employmentEndHazard)) continue;
      const from = Math.max(y0, p.employment.start);
      const to = Math.min(y1, p.death);
      if (from < to) endEmployment(w, p, from + w.random.int(to - from), w.random.pick(END_REASONS));
    } else if (age >= 18 && age < 64 && p.studying < 0 && w.random.chance(w.rates.employmentStartHazard[p.sex])) {
      const to = Math.min(y1, p.death);
      if (y0 < to) startEmployment(w, p, y0 + w.random.int(to - y0));
    }
  }
}
