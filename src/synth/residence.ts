import { isoDay, type Day } from './civil-days';
import type { Person } from './synth-person';
import type { SynthWorld } from './synth-world';

export function changeResidence(w: SynthWorld, p: Person, area: number, date: Day): void {
  p.area = area;
  const day = w.recordDay(date, 30, p);
  w.schedule(day, { type: 'ChangeResidence', key: w.key(), agency: w.agencyFor(area), nationalId: p.id, data: { area: w.areas[area]!, date: isoDay(date) } });
  w.counts.moves++;
}
