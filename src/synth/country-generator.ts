import type { Sex } from '../domain/person/person-events';
import { issueNationalId } from '../domain/shared/national-id';
import type { MotherName, PersonName } from '../domain/shared/person-name';
import { ageOn, birthday, civilOf, dayOf, isoDay, yearOf, type Day } from './civil-days';
import { related } from './family-graph';
import { foreignNationalities } from './names/arabic-names';
import { misspell, type SpellingVariant } from './names/spelling-variants';
import { Prng } from './prng';
import { StepQueue } from './step-queue';
import { synthMarriageId } from './synth-ids';
import { familyName, givenName, motherNameOf, nameOf, randomMotherName } from './synth-names';
import { mergeRates, type SynthOptions } from './synth-options';
import { ageOnJanuaryFirst, NEVER, spouseIn, type Marriage, type Person } from './synth-person';
import type { SynthAgency, SynthCommand, SynthStep } from './synth-step';
import { deathProbability, firstMarriageHazard, lifeExpectancy, maritalFertility, type SynthRates } from './synth-rates';
import { emptyCounts, type SynthSummary, type YearFigures } from './synth-summary';

export type { SynthOptions } from './synth-options';

const EDUCATION_PATH = [1, 2, 3, 6, 7];
const EDUCATION_START_AGE = [6, 12, 15, 18, 22];
const EDUCATION_END_AGE = [12, 15, 18, 22, 24];
const EMIGRATION_COUNTRIES = ['TN', 'EG', 'TR', 'IT', 'DE', 'GB', 'AE', 'MT', 'MY', 'US', 'CA', 'FR'];
const OCCUPATIONS = ['2341', '2221', '2211', '3313', '4110', '5223', '7411', '8322', '9313', '2141', '1120', '2512', '5414', '6111', '7115'];
const EMPLOYERS = ['Ministry of Education', 'Ministry of Health', 'National Oil Corporation', 'General Electricity Company', 'Libyana Mobile', 'Jumhouria Bank', 'Municipal council', 'Private clinic', 'Family business', 'Construction company', 'University', 'Port authority'];
const SECTORS = ['public', 'private', 'self-employed', 'non-profit'] as const;
const SECTOR_WEIGHTS = [0.6, 0.25, 0.13, 0.02];
const CAUSES = ['I21.9', 'I64', 'E14.9', 'C34.9', 'J18.9', 'V89.2', 'P07.3', 'N18.9', 'K74.6', 'A41.9'];
const END_REASONS = ['resignation', 'contract ended', 'dismissal'];
const EMPLOYMENT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The synthetic country: a base population by age and sex enrolled from legacy registers, with
 * real families (parents linked, names following the father), then year by year deaths,
 * marriages (polygamous at a set rate), divorces, births, education, employment, moves and
 * migration. Every choice comes from one seeded PRNG and every date from the options, so the
 * same options give the same stream of commands. Commands come out in recording order: a fact
 * is recorded a few days after it happens (late registrations years after), never before a fact
 * it depends on.
 */
export class CountryGenerator {
  readonly rates: SynthRates;
  private readonly random: Prng;
  private readonly persons: Person[] = [];
  private readonly marriages: Marriage[] = [];
  private readonly usedIds: Set<string>;
  private readonly areas: string[];
  private readonly areaWeights: number[];
  private readonly startYear: number;
  private readonly endYear: number;
  private readonly registrar: string;
  private readonly counts = emptyCounts();
  private readonly byYear: YearFigures[] = [];
  private readonly duplicatePairs: Array<[string, string]> = [];
  private readonly queue = new StepQueue();
  private employmentCounter = 0;

  constructor(private readonly options: SynthOptions) {
    if (!(options.persons > 0) || !(options.years >= 0)) throw new Error('persons must be positive and years not negative');
    if (options.areaCodes.length === 0) throw new Error('at least one area code is needed');
    this.rates = mergeRates(options.rates);
    this.random = new Prng(`sijil-synth/${options.seed}`);
    this.usedIds = new Set(options.reservedNationalIds ?? []);
    this.areas = [...options.areaCodes];
    this.areaWeights = this.areas.map(() => 1 + this.random.next() * 2);
    this.endYear = options.endYear ?? 2025;
    this.startYear = this.endYear - options.years + 1;
    this.registrar = options.registrar ?? 'synth';
  }

  /** The commands in recording order. Run it once; `summary()` is complete when it ends. */
  *steps(): Generator<SynthStep> {
    this.basePopulation();
    // Everything later happens on or after the first day: the base population can go now.
    yield* this.queue.release(dayOf(this.startYear) + 1);
    for (let year = this.startYear; year <= this.endYear; year++) {
      this.simulateYear(year);
      yield* this.queue.release(dayOf(year + 1));
    }
    // Registrations due after the last simulated year are not yet recorded: the register's backlog.
    const cutoff = dayOf(this.endYear + 1) + 60;
    yield* this.queue.release(cutoff);
    this.counts.notYetRecorded = this.queue.size;
    this.queue.clear();
  }

  summary(): SynthSummary {
    return {
      options: {
        persons: this.options.persons,
        years: this.options.years,
        seed: this.options.seed,
        startYear: this.startYear,
        endYear: this.endYear,
        areaCodes: this.areas,
      },
      rates: this.rates,
      derived: {
        lifeExpectancyAtBirth: { M: lifeExpectancy(this.rates, 'M'), F: lifeExpectancy(this.rates, 'F') },
        maritalTotalFertility: this.rates.maritalFertility.reduce((s, r) => s + 5 * r, 0),
        mortalityModel: 'Gompertz–Makeham by sex with infant and early-childhood terms',
        prng: 'sfc32 seeded by cyrb128',
      },
      counts: { ...this.counts, spellingVariants: { ...this.counts.spellingVariants } },
      recorded: { ...this.queue.recorded },
      years: this.byYear,
      duplicatePairs: this.duplicatePairs,
    };
  }

  // ---------------------------------------------------------------- stream order

  private schedule(day: Day, command: SynthCommand): void {
    this.queue.schedule(day, command);
    this.counts.commands++;
  }

  /** The registration day of a fact on `date` about `persons`: after a delay, never before their earlier facts. */
  private recordDay(date: Day, maxDelay: number, ...persons: Person[]): Day {
    let day = date + Math.floor(this.random.next() ** 2 * maxDelay);
    for (const p of persons) day = Math.max(day, p.lastDay);
    for (const p of persons) p.lastDay = day;
    return day;
  }

  private agencyFor(area: number): SynthAgency {
    const code = this.areas[area]!;
    return { registrar: this.registrar, office: `${code}-OFF1`, officeArea: code };
  }

  private key(): string {
    return `synth-${this.options.seed}-${this.queue.created}`;
  }

  // ---------------------------------------------------------------- identities and names

  private newNationalId(): string {
    for (;;) {
      const id = issueNationalId(() => this.random.int(10));
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  /** The name as a register writes it: now and then one part in another spelling. */
  private recordedName(p: Person): PersonName {
    const name = nameOf(p);
    if (!this.random.chance(this.rates.defects.spellingVariant)) return name;
    return this.misspelt(name);
  }

  private misspelt(name: PersonName): PersonName {
    const parts = (['given', 'father', 'grandfather', 'family'] as const).filter((part) => misspell(name[part], this.random) !== undefined);
    if (parts.length === 0) return name;
    const part = this.random.pick(parts);
    const variant = misspell(name[part], this.random)!;
    this.countVariant(variant.variant);
    return { ...name, [part]: variant.text };
  }

  private countVariant(variant: SpellingVariant): void {
    this.counts.spellingVariants[variant] = (this.counts.spellingVariants[variant] ?? 0) + 1;
  }

  private newPerson(sex: Sex, birth: Day, area: number, parents?: { mother: number; father: number }): Person {
    const father = parents && parents.father >= 0 ? this.persons[parents.father]! : undefined;
    const [birthYear, month, day] = civilOf(birth);
    const person: Person = {
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
    return person;
  }

  private register(person: Person): number {
    person.id = this.newNationalId();
    this.persons.push(person);
    return this.persons.length - 1;
  }

  // ---------------------------------------------------------------- family graph

  private currentMarriages(i: number, day: Day): Marriage[] {
    return this.persons[i]!.marriages.map((m) => this.marriages[m]!).filter((m) => m.date <= day && day < m.end);
  }

  // ---------------------------------------------------------------- base population

  private basePopulation(): void {
    const { rates } = this;
    const y0 = dayOf(this.startYear);
    const firstBase = this.persons.length;
    const maleShare = rates.baseSexRatio / (1 + rates.baseSexRatio);
    const drafts: Person[] = [];
    for (let n = 0; n < this.options.persons; n++) {
      const age = 5 * this.random.weighted(rates.ageGroupShares) + this.random.int(5);
      const sex: Sex = this.random.chance(maleShare) ? 'M' : 'F';
      const birth = dayOf(this.startYear - age - 1) + 1 + this.random.int(364);
      drafts.push(this.newPerson(sex, birth, this.random.weighted(this.areaWeights)));
    }
    // Oldest first: parents are enrolled before their children.
    drafts.sort((a, b) => a.birth - b.birth);
    for (const draft of drafts) this.register(draft);
    const base = drafts.length;

    const womenByYear = new Map<number, number[]>();
    const menByYear = new Map<number, number[]>();
    for (let i = firstBase; i < firstBase + base; i++) {
      const p = this.persons[i]!;
      const map = p.sex === 'M' ? menByYear : womenByYear;
      const year = yearOf(p.birth);
      (map.get(year) ?? map.set(year, []).get(year)!).push(i);
    }

    // Couples married before the start, by the women's age.
    const marriedWomenByYear = new Map<number, number[]>();
    for (let i = firstBase; i < firstBase + base; i++) {
      const wife = this.persons[i]!;
      if (wife.sex !== 'F') continue;
      const age = ageOn(wife.birth, y0);
      if (age < 19 || !this.random.chance(baseMarriedShare(age))) continue;
      const date = Math.min(y0 - 1, birthday(wife.birth, 18 + Math.floor(this.random.next() * Math.min(age - 18, 12))) + this.random.int(300));
      const husband = this.findHusband(i, date, menByYear, () => true);
      if (husband < 0) continue;
      this.persons[i]!.area = this.persons[husband]!.area;
      this.marry(husband, i, Math.max(date, this.persons[husband]!.lastMarriageDay + 1), -1);
      const year = yearOf(wife.birth);
      (marriedWomenByYear.get(year) ?? marriedWomenByYear.set(year, []).get(year)!).push(i);
    }

    // Children linked to those couples: a mother 18–42 years older, married before the birth.
    for (let i = firstBase; i < firstBase + base; i++) {
      const child = this.persons[i]!;
      const birthYear = yearOf(child.birth);
      for (let attempt = 0; attempt < 8; attempt++) {
        const bucket = marriedWomenByYear.get(birthYear - 18 - Math.floor(this.random.next() ** 1.5 * 24));
        if (!bucket) continue;
        const mother = this.random.pick(bucket);
        const m = this.marriages[this.persons[mother]!.marriages[0]!]!;
        if (m.date > child.birth || this.persons[mother]!.children >= 9 || ageOn(this.persons[mother]!.birth, child.birth) < 18) continue;
        const parents = [mother, m.husband];
        if (child.marriages.some((k) => related(this.persons, i, spouseIn(this.marriages[k]!, i), parents))) continue;
        if (parents.includes(i)) continue;
        const father = this.persons[m.husband]!;
        child.mother = mother;
        child.father = m.husband;
        child.fatherName = father.given;
        child.grandfatherName = father.fatherName;
        // A married woman lives with her husband; everyone else with the family.
        if (!(child.sex === 'F' && child.marriages.length > 0)) child.area = this.persons[mother]!.area;
        child.family = father.family;
        this.persons[mother]!.children++;
        this.persons[mother]!.lastBirthDay = Math.max(this.persons[mother]!.lastBirthDay, child.birth);
        break;
      }
    }
    // A married man's wives follow his family's area, set when he was linked.
    for (const m of this.marriages) {
      this.persons[m.wife]!.area = this.persons[m.husband]!.area;
      m.place = this.persons[m.husband]!.area;
    }

    // Recorded on the first day, in this order: enrolments (oldest first), marriages, education, work.
    for (let i = firstBase; i < firstBase + base; i++) this.enrolFromRegister(i, y0);
    for (const m of this.marriages) this.scheduleMarriage(m, y0);
    for (let i = firstBase; i < firstBase + base; i++) this.baseEducation(i, y0);
    for (let i = firstBase; i < firstBase + base; i++) this.baseEmployment(i, y0);
    this.counts.basePersons = base;
  }

  private enrolFromRegister(i: number, day: Day): void {
    const p = this.persons[i]!;
    const { defects } = this.rates;
    const full = isoDay(p.birth);
    const r = this.random.next();
    const dateOfBirth = r < defects.partialBirthDateYear ? full.slice(0, 4) : r < defects.partialBirthDateYear + defects.partialBirthDateMonth ? full.slice(0, 7) : full;
    if (dateOfBirth.length === 4) this.counts.partialBirthDates.year++;
    if (dateOfBirth.length === 7) this.counts.partialBirthDates.month++;
    const book = 1 + this.random.int(60);
    const page = 1 + this.random.int(400);
    const motherName = p.mother < 0 ? randomMotherName(this.random, familyName(this.random)) : undefined;
    const data = {
      nationalId: p.id,
      name: this.recordedName(p),
      sex: p.sex,
      dateOfBirth,
      placeOfBirth: this.areas[p.area]!,
      nationality: p.nationality,
      residency: 'citizen' as const,
      ...(motherName && { motherName }),
      ...(p.mother >= 0 && { motherId: this.persons[p.mother]!.id }),
      ...(p.father >= 0 && { fatherId: this.persons[p.father]!.id }),
      source: { kind: 'legacy-register' as const, reference: `${this.areas[p.area]} family register ${book}, page ${page}` },
    };
    p.lastDay = day;
    this.schedule(day, { type: 'EnrolPerson', key: this.key(), agency: this.agencyFor(p.area), data });
    this.counts.enrolments++;
    if (this.random.chance(defects.duplicate)) this.scheduleDuplicate(p, data);
  }

  /** The same person enrolled again from another register: another ID, a name or date written differently. */
  private scheduleDuplicate(p: Person, original: { name: PersonName; dateOfBirth: string; motherName?: MotherName; placeOfBirth: string }): void {
    const id = this.newNationalId();
    const name = this.random.chance(0.6) ? this.misspelt(nameOf(p)) : nameOf(p);
    const dateOfBirth = this.random.chance(0.5) ? original.dateOfBirth.slice(0, 4) : original.dateOfBirth;
    const motherName = original.motherName ?? (p.mother >= 0 ? motherNameOf(nameOf(this.persons[p.mother]!)) : randomMotherName(this.random, p.family));
    const last = dayOf(this.endYear + 1) - 1;
    const day = p.lastDay + this.random.int(Math.max(1, last - p.lastDay));
    this.schedule(day, {
      type: 'EnrolPerson',
      key: this.key(),
      agency: this.agencyFor(p.area),
      data: {
        nationalId: id,
        name,
        sex: p.sex,
        dateOfBirth,
        placeOfBirth: original.placeOfBirth,
        nationality: p.nationality,
        residency: 'citizen',
        motherName,
        source: { kind: 'legacy-register', reference: `${original.placeOfBirth} civil register ${1 + this.random.int(30)}, entry ${1 + this.random.int(5000)}` },
      },
    });
    this.counts.duplicates++;
    this.counts.enrolments++;
    this.duplicatePairs.push([p.id, id]);
  }

  private baseEducation(i: number, day: Day): void {
    const p = this.persons[i]!;
    const age = ageOn(p.birth, day);
    if (age < 6) return;
    const older = yearOf(p.birth) < 1960 ? 0.6 : 1;
    let level = 0;
    while (level < EDUCATION_PATH.length - 1 && age >= EDUCATION_END_AGE[level]! && this.random.chance(this.rates.educationContinuation[level]! * older)) level++;
    const year = yearOf(p.birth);
    if (age < EDUCATION_END_AGE[level]!) {
      p.studying = level;
      p.completed = level - 1;
      const started = dayOf(year + EDUCATION_START_AGE[level]!, 9, 15);
      this.education(p, EDUCATION_PATH[level]!, 'enrolled', Math.min(started, day - 1), day);
    } else {
      p.completed = level;
      this.education(p, EDUCATION_PATH[level]!, 'completed', dayOf(year + EDUCATION_END_AGE[level]!, 6, 30), day);
    }
  }

  private baseEmployment(i: number, day: Day): void {
    const p = this.persons[i]!;
    const age = ageOn(p.birth, day);
    if (age < 19 || age > 64 || p.studying >= 0) return;
    if (!this.random.chance(p.sex === 'M' ? 0.7 : 0.25)) return;
    const from = Math.max(birthday(p.birth, 18), day - 15 * 365);
    this.startEmployment(p, from + this.random.int(day - from), day);
  }

  // ---------------------------------------------------------------- recording facts

  private marry(husband: number, wife: number, date: Day, year: number): Marriage {
    const h = this.persons[husband]!;
    const w = this.persons[wife]!;
    const index = this.marriages.length;
    const m: Marriage = { id: synthMarriageId(this.options.seed, index), index, husband, wife, date, end: NEVER, place: h.area, lastDay: 0 };
    if (this.currentMarriages(husband, date).length > 0) this.counts.polygamousMarriages++;
    this.marriages.push(m);
    h.marriages.push(this.marriages.length - 1);
    w.marriages.push(this.marriages.length - 1);
    h.lastMarriageDay = date;
    w.lastMarriageDay = date;
    h.marriedInYear = year;
    w.marriedInYear = year;
    this.counts.marriages++;
    return m;
  }

  private scheduleMarriage(m: Marriage, minDay: Day): void {
    const h = this.persons[m.husband]!;
    const w = this.persons[m.wife]!;
    const day = Math.max(minDay, this.recordDay(m.date, 14, h, w));
    h.lastDay = w.lastDay = m.lastDay = day;
    this.schedule(day, {
      type: 'RegisterMarriage',
      key: this.key(),
      agency: this.agencyFor(m.place),
      spouses: [h.id, w.id],
      data: { marriageId: m.id, date: isoDay(m.date), place: this.areas[m.place]!, contractReference: `${this.areas[m.place]}/${yearOf(m.date)}/${m.index + 1}` },
    });
  }

  private education(p: Person, level: number, status: 'enrolled' | 'completed' | 'left', date: Day, minDay = 0): void {
    const day = Math.max(minDay, this.recordDay(date, 60, p));
    p.lastDay = day;
    const institution = level <= 3 ? `${['Primary', 'Preparatory', 'Secondary'][level - 1]} school, ${this.areas[p.area]}` : level === 6 ? 'University of Benghazi' : 'University of Tripoli';
    this.schedule(day, { type: 'RecordEducation', key: this.key(), agency: this.agencyFor(p.area), nationalId: p.id, data: { level, institution, status, date: isoDay(date) } });
    this.counts.education++;
  }

  private startEmployment(p: Person, date: Day, minDay = 0): void {
    const id = this.employmentId();
    p.employment = { id, start: date };
    const day = Math.max(minDay, this.recordDay(date, 60, p));
    p.lastDay = day;
    this.schedule(day, {
      type: 'StartEmployment',
      key: this.key(),
      agency: this.agencyFor(p.area),
      nationalId: p.id,
      data: {
        employmentId: id,
        employer: this.random.pick(EMPLOYERS),
        occupation: this.random.pick(OCCUPATIONS),
        sector: SECTORS[this.random.weighted(SECTOR_WEIGHTS)]!,
        date: isoDay(date),
      },
    });
    this.counts.employmentStarts++;
  }

  private endEmployment(p: Person, date: Day, reason: string): void {
    const { id } = p.employment!;
    p.employment = undefined;
    const day = this.recordDay(date, 60, p);
    this.schedule(day, { type: 'EndEmployment', key: this.key(), agency: this.agencyFor(p.area), nationalId: p.id, data: { employmentId: id, date: isoDay(date), reason } });
    this.counts.employmentEnds++;
  }

  private employmentId(): string {
    let n = ++this.employmentCounter;
    let text = '';
    for (let i = 0; i < 5; i++) {
      text = EMPLOYMENT_ALPHABET[n % 32]! + text;
      n = Math.floor(n / 32);
    }
    for (let i = 0; i < 7; i++) text += EMPLOYMENT_ALPHABET[this.random.int(32)];
    return text;
  }

  // ---------------------------------------------------------------- one year

  private simulateYear(year: number): void {
    const y0 = dayOf(year);
    const y1 = dayOf(year + 1);
    const figures: YearFigures = {
      year, population: 0, births: 0, expectedDeliveries: 0, deliveries: 0, deaths: 0, expectedDeaths: 0,
      marriages: 0, polygamousMarriages: 0, divorces: 0, immigrants: 0, emigrations: 0, returns: 0,
    };
    const marriagesBefore = this.counts.marriages;
    const polygamousBefore = this.counts.polygamousMarriages;
    const count = this.persons.length;
    for (let i = 0; i < count; i++) {
      const p = this.persons[i]!;
      if (p.death < y0 || p.abroad) continue;
      figures.population++;
    }
    this.deaths(year, y0, y1, count, figures);
    this.yearMarriages(year, y0, y1, count);
    this.divorces(y0, y1);
    this.births(year, y0, y1, count, figures);
    this.schooling(year, y0, count);
    this.work(y0, y1, count);
    this.migration(year, y0, y1, count, figures);
    figures.marriages = this.counts.marriages - marriagesBefore;
    figures.polygamousMarriages = this.counts.polygamousMarriages - polygamousBefore;
    this.byYear.push(figures);
  }

  private alive(p: Person, day: Day): boolean {
    return p.death > day && !p.abroad;
  }

  private deaths(year: number, y0: Day, y1: Day, count: number, figures: YearFigures): void {
    for (let i = 0; i < count; i++) {
      const p = this.persons[i]!;
      if (p.death < NEVER || p.abroad || p.birth >= y0) continue;
      const q = deathProbability(this.rates, p.sex, ageOnJanuaryFirst(p, year), false);
      figures.expectedDeaths += q;
      if (!this.random.chance(q)) continue;
      this.die(i, y0 + this.random.int(y1 - y0), figures);
    }
  }

  private die(i: number, date: Day, figures: YearFigures): void {
    const p = this.persons[i]!;
    p.death = date;
    const day = this.recordDay(date, 10, p);
    const certifier = this.random.pick(['hospital', 'hospital', 'hospital', 'physician', 'forensic-medicine'] as const);
    this.schedule(day, {
      type: 'RegisterDeath',
      key: this.key(),
      agency: this.agencyFor(p.area),
      nationalId: p.id,
      data: { dateOfDeath: isoDay(date), placeOfDeath: this.areas[p.area]!, causeIcd10: this.random.pick(CAUSES), certifier: { kind: certifier, reference: `${certifier}/${yearOf(date)}/${this.counts.deaths + 1}` } },
    });
    this.counts.deaths++;
    figures.deaths++;
    // Widowhood ends the marriages; the spouses' later facts are recorded after the death.
    for (const k of p.marriages) {
      const m = this.marriages[k]!;
      if (m.end > date) {
        m.end = date;
        const spouse = this.persons[spouseIn(m, i)]!;
        spouse.lastDay = Math.max(spouse.lastDay, day);
        m.lastDay = Math.max(m.lastDay, day);
      }
    }
  }

  private findHusband(wife: number, date: Day, menByYear: Map<number, number[]>, eligible: (man: Person) => boolean): number {
    const w = this.persons[wife]!;
    const { min, max } = this.rates.husbandAgeGap;
    const polygamous = this.random.chance(this.rates.polygamyRate);
    for (const seekMarried of polygamous ? [true, false] : [false]) {
      for (let attempt = 0; attempt < 25; attempt++) {
        const bucket = menByYear.get(yearOf(w.birth) - min - this.random.int(max - min + 1));
        if (!bucket) continue;
        const man = bucket[this.random.int(bucket.length)]!;
        const h = this.persons[man]!;
        if (!this.alive(h, date) || !eligible(h) || ageOn(h.birth, date) < 18 || h.lastMarriageDay >= date) continue;
        const wives = this.currentMarriages(man, date).length;
        if (seekMarried ? wives === 0 || wives >= 4 : wives > 0) continue;
        if (related(this.persons, wife, man)) continue;
        return man;
      }
    }
    return -1;
  }

  private yearMarriages(year: number, y0: Day, y1: Day, count: number): void {
    const menByYear = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const p = this.persons[i]!;
      if (p.sex !== 'M' || p.death < y1 || p.abroad) continue;
      const y = yearOf(p.birth);
      (menByYear.get(y) ?? menByYear.set(y, []).get(y)!).push(i);
    }
    for (let i = 0; i < count; i++) {
      const w = this.persons[i]!;
      if (w.sex !== 'F' || w.abroad || w.death < y0 || w.marriedInYear === year) continue;
      const age = ageOnJanuaryFirst(w, year);
      if (age < 17 || age >= 50) continue;
      const hazard = w.marriages.length === 0 ? firstMarriageHazard(this.rates, Math.max(age, 18)) : this.rates.remarriageHazard;
      if (!this.random.chance(hazard)) continue;
      const from = Math.max(y0, birthday(w.birth, 18), ...w.marriages.map((k) => this.marriages[k]!.end + 1));
      const to = Math.min(y1, w.death);
      if (from >= to) continue;
      const date = from + this.random.int(to - from);
      if (this.currentMarriages(i, date).length > 0) continue;
      const husband = this.findHusband(i, date, menByYear, (h) => h.death > date);
      if (husband < 0) {
        this.counts.unmatchedBrides++;
        continue;
      }
      const m = this.marry(husband, i, date, year);
      this.scheduleMarriage(m, 0);
      const h = this.persons[husband]!;
      if (w.area !== h.area) this.changeResidence(w, h.area, date);
    }
  }

  private divorces(y0: Day, y1: Day): void {
    for (const m of this.marriages) {
      if (m.end < NEVER || m.date >= y1) continue;
      const years = (y0 - m.date) / 365;
      if (!this.random.chance(years < 10 ? this.rates.divorceHazard : this.rates.divorceHazard / 2)) continue;
      const h = this.persons[m.husband]!;
      const w = this.persons[m.wife]!;
      if (h.abroad || w.abroad) continue;
      const from = Math.max(y0, m.date + 1);
      const to = Math.min(y1, h.death, w.death);
      if (from >= to) continue;
      const date = from + this.random.int(to - from);
      m.end = date;
      const day = Math.max(m.lastDay, this.recordDay(date, 30, h, w));
      h.lastDay = w.lastDay = m.lastDay = day;
      this.schedule(day, {
        type: 'RegisterDivorce',
        key: this.key(),
        agency: this.agencyFor(m.place),
        spouses: [h.id, w.id],
        data: { marriageId: m.id, date: isoDay(date), courtReference: `Court of ${this.areas[m.place]}, ${yearOf(date)}/${this.counts.divorces + 1}` },
      });
      this.counts.divorces++;
    }
  }

  private births(year: number, y0: Day, y1: Day, count: number, figures: YearFigures): void {
    for (let i = 0; i < count; i++) {
      const mother = this.persons[i]!;
      if (mother.sex !== 'F' || mother.abroad || mother.death < y0) continue;
      const age = ageOnJanuaryFirst(mother, year);
      if (age < 15 || age >= 50) continue;
      const date = y0 + this.random.int(y1 - y0);
      if (date > mother.death || date - mother.lastBirthDay < 300) continue;
      const marriage = this.currentMarriages(i, date)[0];
      const p = marriage ? maritalFertility(this.rates, age) : this.rates.nonMaritalFertility;
      figures.expectedDeliveries += p;
      if (!this.random.chance(p)) continue;
      const plurality = this.random.chance(this.rates.twinShare) ? 2 : 1;
      mother.lastBirthDay = date;
      figures.deliveries++;
      if (plurality === 2) this.counts.twinDeliveries++;
      for (let order = 1; order <= plurality; order++) this.birth(i, marriage?.husband ?? -1, date, plurality, order, y1, figures);
    }
  }

  private birth(motherIndex: number, fatherIndex: number, date: Day, plurality: number, birthOrder: number, y1: Day, figures: YearFigures): void {
    const mother = this.persons[motherIndex]!;
    const sex: Sex = this.random.chance(this.rates.sexRatioAtBirth / (1 + this.rates.sexRatioAtBirth)) ? 'M' : 'F';
    const child = this.newPerson(sex, date, mother.area, { mother: motherIndex, father: fatherIndex });
    if (fatherIndex < 0) child.family = mother.family;
    const index = this.register(child);
    mother.children++;
    figures.births++;
    this.counts.births++;
    if (sex === 'M') this.counts.birthsBySex.M++;
    else this.counts.birthsBySex.F++;
    const father = fatherIndex >= 0 ? this.persons[fatherIndex] : undefined;
    const parents = father ? [mother, father] : [mother];
    const late = this.random.chance(this.rates.defects.lateRegistration);
    if (late) {
      // Registered years later, as an enrolment: nothing about the child is recorded before it.
      const day = date + 365 * (1 + this.random.int(this.rates.defects.lateYearsMax)) + this.random.int(300);
      child.lastDay = Math.max(day, ...parents.map((x) => x.lastDay));
      this.schedule(child.lastDay, {
        type: 'EnrolPerson',
        key: this.key(),
        agency: this.agencyFor(child.area),
        data: {
          nationalId: child.id,
          name: this.recordedName(child),
          sex,
          dateOfBirth: isoDay(date),
          placeOfBirth: this.areas[child.area]!,
          nationality: father?.nationality ?? mother.nationality,
          residency: 'citizen',
          motherId: mother.id,
          ...(father && { fatherId: father.id }),
          source: { kind: 'late-registration', reference: `${this.areas[child.area]} late registration ${yearOf(day)}/${this.counts.lateRegistrations + 1}` },
        },
      });
      this.counts.lateRegistrations++;
      this.counts.enrolments++;
    } else {
      const day = this.recordDay(date, 30, child, ...parents);
      this.schedule(day, {
        type: 'RegisterBirth',
        key: this.key(),
        agency: this.agencyFor(child.area),
        data: {
          nationalId: child.id,
          name: this.recordedName(child),
          sex,
          dateOfBirth: isoDay(date),
          placeOfBirth: this.areas[child.area]!,
          motherId: mother.id,
          ...(father && { fatherId: father.id }),
          plurality,
          ...(plurality > 1 && { birthOrder }),
          weightGrams: Math.round(3250 - (plurality - 1) * 700 + (this.random.next() + this.random.next() + this.random.next() - 1.5) * 900),
          attendant: this.random.chance(0.95) ? 'physician' : 'midwife',
          declarant: father ? 'father' : 'mother',
        },
      });
      this.counts.registeredBirths++;
    }
    // Deaths in the rest of the first year of life (the infant term is concentrated here).
    const q = deathProbability(this.rates, sex, 0, true) * Math.min(1, (y1 - date) / 365 + 0.5);
    figures.expectedDeaths += Math.min(1, q);
    if (this.random.chance(q)) this.die(index, date + this.random.int(Math.max(1, y1 - date)), figures);
  }

  private schooling(year: number, y0: Day, count: number): void {
    for (let i = 0; i < count; i++) {
      const p = this.persons[i]!;
      if (p.abroad || p.death < y0) continue;
      const age = year - p.birthYear;
      if (p.studying < 0) {
        if (age === 6 && p.completed < 0) this.enrolIn(p, 0, dayOf(year, 9, 15));
        continue;
      }
      if (age !== EDUCATION_END_AGE[p.studying]) continue;
      const end = dayOf(year, 6, 30);
      if (end > p.death) continue;
      const level = p.studying;
      const completes = this.random.chance(0.93);
      this.education(p, EDUCATION_PATH[level]!, completes ? 'completed' : 'left', end);
      p.studying = -1;
      if (!completes) continue;
      p.completed = level;
      if (level + 1 < EDUCATION_PATH.length && this.random.chance(this.rates.educationContinuation[level]!)) this.enrolIn(p, level + 1, dayOf(year, 9, 15));
    }
  }

  private enrolIn(p: Person, level: number, date: Day): void {
    if (date > p.death) return;
    p.studying = level;
    this.education(p, EDUCATION_PATH[level]!, 'enrolled', date);
  }

  private work(y0: Day, y1: Day, count: number): void {
    for (let i = 0; i < count; i++) {
      const p = this.persons[i]!;
      if (p.abroad || p.death < y0) continue;
      const age = ageOnJanuaryFirst(p, yearOf(y0));
      if (p.employment) {
        if (age >= 64) {
          const retirement = birthday(p.birth, 65);
          if (retirement < y1 && retirement <= p.death) this.endEmployment(p, Math.max(retirement, p.employment.start), 'retirement');
          continue;
        }
        if (!this.random.chance(this.rates.employmentEndHazard)) continue;
        const from = Math.max(y0, p.employment.start);
        const to = Math.min(y1, p.death);
        if (from < to) this.endEmployment(p, from + this.random.int(to - from), this.random.pick(END_REASONS));
      } else if (age >= 18 && age < 64 && p.studying < 0 && this.random.chance(this.rates.employmentStartHazard[p.sex])) {
        const to = Math.min(y1, p.death);
        if (y0 < to) this.startEmployment(p, y0 + this.random.int(to - y0));
      }
    }
  }

  private changeResidence(p: Person, area: number, date: Day): void {
    p.area = area;
    const day = this.recordDay(date, 30, p);
    this.schedule(day, { type: 'ChangeResidence', key: this.key(), agency: this.agencyFor(area), nationalId: p.id, data: { area: this.areas[area]!, date: isoDay(date) } });
    this.counts.moves++;
  }

  private otherArea(area: number): number {
    const region = this.areas[area]!.split('-').slice(0, 2).join('-');
    const near = this.areas.map((code, k) => (k !== area && code.startsWith(`${region}-`) ? k : -1)).filter((k) => k >= 0);
    if (near.length > 0 && this.random.chance(2 / 3)) return this.random.pick(near);
    let other = this.random.weighted(this.areaWeights);
    if (other === area) other = (area + 1) % this.areas.length;
    return other;
  }

  private migration(year: number, y0: Day, y1: Day, count: number, figures: YearFigures): void {
    const { rates } = this;
    let population = 0;
    for (let i = 0; i < count; i++) {
      const p = this.persons[i]!;
      if (p.death < y1) continue;
      if (p.abroad) {
        if (!this.random.chance(rates.returnRate)) continue;
        const date = y0 + this.random.int(y1 - y0);
        const country = p.abroad;
        p.abroad = undefined;
        p.area = this.random.chance(0.7) ? p.area : this.random.weighted(this.areaWeights);
        const day = this.recordDay(date, 30, p);
        this.schedule(day, { type: 'RecordImmigration', key: this.key(), agency: this.agencyFor(p.area), nationalId: p.id, data: { country, area: this.areas[p.area]!, date: isoDay(date) } });
        this.counts.returns++;
        figures.returns++;
        continue;
      }
      population++;
      const age = ageOnJanuaryFirst(p, year);
      if (this.areas.length > 1 && age >= 18 && this.random.chance(rates.moveRate)) {
        const from = Math.max(y0, p.lastMarriageDay + 1);
        if (from < y1) this.changeResidence(p, this.otherArea(p.area), from + this.random.int(y1 - from));
        continue;
      }
      if (age < 18 || age > 45 || this.currentMarriages(i, y1 - 1).length > 0 || p.lastMarriageDay >= y0) continue;
      if (!this.random.chance(rates.emigrationRate)) continue;
      const date = Math.max(y0 + this.random.int(y1 - y0), p.employment?.start ?? 0);
      if (p.employment) this.endEmployment(p, date, 'emigration');
      if (p.studying >= 0) p.studying = -1;
      const country = this.random.pick(EMIGRATION_COUNTRIES);
      p.abroad = country;
      const day = this.recordDay(date, 30, p);
      this.schedule(day, { type: 'RecordEmigration', key: this.key(), agency: this.agencyFor(p.area), nationalId: p.id, data: { country, date: isoDay(date) } });
      this.counts.emigrations++;
      figures.emigrations++;
    }
    // Foreign residents, enrolled on a residence permit when they arrive.
    const expected = (population * rates.immigrationPerThousand) / 1000;
    const arrivals = Math.floor(expected) + (this.random.chance(expected - Math.floor(expected)) ? 1 : 0);
    for (let n = 0; n < arrivals; n++) this.immigrant(year, y0, y1, figures);
  }

  private immigrant(year: number, y0: Day, y1: Day, figures: YearFigures): void {
    const country = foreignNationalities[this.random.weighted(foreignNationalities.map((c) => c.weight))]!.code;
    const sex: Sex = this.random.chance(0.75) ? 'M' : 'F';
    const age = 20 + this.random.int(26);
    const birth = dayOf(year - age - 1) + 1 + this.random.int(364);
    const p = this.newPerson(sex, birth, this.random.weighted(this.areaWeights));
    p.nationality = country;
    p.completed = 2;
    this.register(p);
    const date = y0 + this.random.int(y1 - y0);
    const day = this.recordDay(date, 20, p);
    this.schedule(day, {
      type: 'EnrolPerson',
      key: this.key(),
      agency: this.agencyFor(p.area),
      data: {
        nationalId: p.id,
        name: this.recordedName(p),
        sex,
        dateOfBirth: isoDay(birth),
        placeOfBirth: country,
        nationality: country,
        residency: 'resident',
        motherName: randomMotherName(this.random, p.family),
        source: { kind: 'residence-permit', reference: `Residence permit ${year}/${this.counts.immigrants + 1}` },
      },
    });
    this.schedule(day, { type: 'RecordImmigration', key: this.key(), agency: this.agencyFor(p.area), nationalId: p.id, data: { country, area: this.areas[p.area]!, date: isoDay(date) } });
    this.counts.enrolments++;
    this.counts.immigrants++;
    figures.immigrants++;
  }
}

/** Share of women of a given age married at the start (the rest single, or widowed off the register). */
function baseMarriedShare(age: number): number {
  if (age < 20) return 0.1;
  if (age < 25) return 0.35;
  if (age < 30) return 0.6;
  if (age < 35) return 0.75;
  if (age < 60) return 0.82;
  if (age < 70) return 0.65;
  return 0.4;
}

/** The whole stream and its summary, for tests and small countries. */
export function generateCountry(options: SynthOptions): { steps: SynthStep[]; summary: SynthSummary } {
  const generator = new CountryGenerator(options);
  const steps = [...generator.steps()];
  return { steps, summary: generator.summary() };
}
