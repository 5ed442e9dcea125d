import type { Sex } from '../domain/person/person-events';
import { issueNationalId } from '../domain/shared/national-id';
import { civilOf, type Day } from './civil-days';
import { Prng } from './prng';
import { StepQueue } from './step-queue';
import type { SynthOptions } from './synth-options';
import { mergeRates } from './synth-options';
import { NEVER, type Marriage, type Person } from './synth-person';
import { familyName, givenName } from './synth-names';
import type { SynthRates } from './synth-rates';
import type { SynthAgency, SynthCommand } from './synth-step';
import { emptyCounts } from './synth-summary';

/**
 * What every process of the simulation shares: the one seeded PRNG (so the order of draws is the
 * stream's identity), the persons and marriages, the counts, and the queue the commands wait in.
 */
export class SynthWorld {
  readonly rates: SynthRates;
  readonly random: Prng;
  readonly seed: string;
  readonly persons: Person[] = [];
  readonly marriages: Marriage[] = [];
  readonly areas: string[];
  readonly areaWeights: number[];
  readonly startYear: number;
  readonly endYear: number;
  readonly counts = emptyCounts();
  readonly duplicatePairs: Array<[string, string]> = [];
  readonly queue = new StepQueue();
  /** Employments started so far, the serial part of their IDs. */
  employments = 0;
  private readonly usedIds: Set<string>;
  private readonly registrar: string;

  constructor(options: SynthOptions) {
    if (!(options.persons > 0) || !(options.years >= 0)) throw new Error('persons must be positive and years not negative');
    if (options.areaCodes.length === 0) throw new Error('at least one area code is needed');
    this.rates = mergeRates(options.rates);
    this.seed = options.seed;
    this.random = new Prng(`sijil-synth/${options.seed}`);
    this.usedIds = new Set(options.reservedNationalIds ?? []);
    this.areas = [...options.areaCodes];
    this.areaWeights = this.areas.map(() => 1 + this.random.next() * 2);
    this.endYear = options.endYear ?? 2025;
    this.startYear = this.endYear - options.years + 1;
    this.registrar = options.registrar ?? 'synth';
  }

  schedule(day: Day, command: SynthCommand): void {
    this.queue.schedule(day, command);
    this.counts.commands++;
  }

  /** The idempotency key of the command about to be scheduled. */
  key(): string {
    return `synth-${this.seed}-${this.queue.created}`;
  }

  /** The registration day of a fact on `date` about `persons`: after a delay, never before their earlier facts. */
  recordDay(date: Day, maxDelay: number, ...persons: Person[]): Day {
    let day = date + Math.floor(this.random.next() ** 2 * maxDelay);
    for (const p of persons) day = Math.max(day, p.lastDay);
    for (const p of persons) p.lastDay = day;
    return day;
  }

  agencyFor(area: number): SynthAgency {
    const code = this.areas[area]!;
    return { registrar: this.registrar, office: `${code}-OFF1`, officeArea: code };
  }

  newNationalId(): string {
    for (;;) {
      const id = issueNationalId(() => this.random.int(10));
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  /** A person not yet registered: named after the father when there is one. */
  newPerson(sex: Sex, birth: Day, area: number, parents?: { mother: number; father: number }): Person {
    const father = parents && parents.father >= 0 ? this.persons[parents.father]! : undefined;
    const [birthYear, month, day] = civilOf(birth);
    return {
      id: '',
      sex,
      birth,
      birthYear,
      birthMonthDay: month * 100 + day,
      death: NEVER,
      given: givenName(this.random, sex),
      fatherName: father ? father.given : givenName(this.random, 'M'),
      grandfatherName: father ? father.fatherName : givenName(this.random, 'M'),
      family: father ? father.family : familyName(this.random),
      mother: parents?.mother ?? -1,
      father: parents?.father ?? -1,
      area,
      nationality: 'LY',
      lastDay: 0,
      marriages: [],
      lastMarriageDay: -NEVER,
      marriedInYear: 0,
      lastBirthDay: -NEVER,
      children: 0,
      studying: -1,
      completed: -1,
    };
  }

  /** Issues the person a national ID and adds them: their index. */
  register(person: Person): number {
    person.id = this.newNationalId();
    this.persons.push(person);
    return this.persons.length - 1;
  }

  alive(p: Person, day: Day): boolean {
    return p.death > day && !p.abroad;
  }

  currentMarriages(i: number, day: Day): Marriage[] {
    return this.persons[i]!.marriages.map((m) => this.marriages[m]!).filter((m) => m.date <= day && day < m.end);
  }
}
