import { appended } from '../shared/appended';
import type { CivilDate } from '../shared/partial-date';
import { hasOwn } from '../shared/without-keys';
import type {
  CardReportReason,
  EducationStatus,
  EmploymentStarted,
  PersonEvent,
} from './person-events';
import type { Fact } from './person-facts';

export interface Marriage {
  marriageId: string;
  spouseId: string;
  date: CivilDate;
  place: string;
  eventId: string;
  divorce?: { date: CivilDate; eventId: string };
}

export interface Employment {
  employmentId: string;
  employer: string;
  occupation: string;
  sector: EmploymentStarted['data']['sector'];
  startedOn: CivilDate;
  eventId: string;
  ended?: { date: CivilDate; reason: string; eventId: string };
}

export interface IdentityCard {
  cardNumber: string;
  issuedOn: CivilDate;
  expiresOn: CivilDate;
  office: string;
  eventId: string;
  reported?: { date: CivilDate; reason: CardReportReason; eventId: string };
}

export interface EducationEntry {
  level: number;
  institution: string;
  field?: string;
  status: EducationStatus;
  date: CivilDate;
  eventId: string;
}

export interface Collections {
  marriages: Marriage[];
  employments: Employment[];
  cards: IdentityCard[];
  education: EducationEntry[];
}

export function factsOfType<T extends PersonEvent['type']>(facts: Fact[], type: T): Array<Fact<Extract<PersonEvent, { type: T }>>> {
  return facts.filter((fact): fact is Fact<Extract<PersonEvent, { type: T }>> => fact.event.type === type);
}

/**
 * The person's marriages, employments, cards and education from their effective facts (in
 * civil-date order). An ending fact (divorce, employment end, card report) attaches to the fact it
 * names; when several name it, the earliest counts and the rules refuse the others.
 */
export function collectionsOf(facts: Fact[]): Collections {
  // Most states folded from scratch hold no such fact (a registration read for a marriage or a
  // child): seven filters and four maps, and their closures, to make four empty lists.
  if (!facts.some(({ event }) => opensAnEntry.has(event.type))) return { marriages: [], employments: [], cards: [], education: [] };
  const divorces = factsOfType(facts, 'DivorceRegistered');
  const ends = factsOfType(facts, 'EmploymentEnded');
  const reports = factsOfType(facts, 'IdentityCardReported');
  return {
    marriages: factsOfType(facts, 'MarriageRegistered').map(({ eventId, event: { data } }) => {
      const marriage: Marriage = { marriageId: data.marriageId, spouseId: data.spouseId, date: data.date, place: data.place, eventId };
      const divorce = divorces.find((d) => d.event.data.marriageId === data.marriageId);
      if (divorce) marriage.divorce = { date: divorce.event.data.date, eventId: divorce.eventId };
      return marriage;
    }),
    employments: factsOfType(facts, 'EmploymentStarted').map(({ eventId, event: { data } }) => {
      const employment = employmentOf(data, eventId);
      const end = ends.find((e) => e.event.data.employmentId === data.employmentId);
      if (end) employment.ended = { date: end.event.data.date, reason: end.event.data.reason, eventId: end.eventId };
      return employment;
    }),
    cards: factsOfType(facts, 'IdentityCardIssued').map(({ eventId, event: { data } }) => {
      const card: IdentityCard = { cardNumber: data.cardNumber, issuedOn: data.date, expiresOn: data.expiresOn, office: data.office, eventId };
      const report = reports.find((r) => r.event.data.cardNumber === data.cardNumber);
      if (report) card.reported = { date: report.event.data.date, reason: report.event.data.reason, eventId: report.eventId };
      return card;
    }),
    education: factsOfType(facts, 'EducationRecorded').map(({ eventId, event: { data } }) => withEventId(data, eventId)),
  };
}

/** The facts an entry starts from: an ending names an entry, so without one of these there is none. */
const opensAnEntry: ReadonlySet<PersonEvent['type']> = new Set(['MarriageRegistered', 'EmploymentStarted', 'IdentityCardIssued', 'EducationRecorded']);

/**
 * `{ ...data, eventId }` by a `for...in` copy: a spread of parsed event data takes V8's slow path,
 * and the education entry it made was a sixth of `stateOf`.
 */
function withEventId<T extends object>(data: T, eventId: string): T & { eventId: string } {
  const entry: Record<string, unknown> = {};
  for (const key in data) if (hasOwn.call(data, key)) entry[key] = data[key];
  entry.eventId = eventId;
  return entry as T & { eventId: string };
}

/**
 * What `fact`, the latest in civil-date order, changes in `collectionsOf` of the facts before it,
 * without rebuilding them: a new entry, or an ending attached to the entry it names when that
 * entry has none yet (the earliest ending counts). Undefined when an earlier ending already names
 * the new entry, which only the whole recomputation places right.
 */
export function collectionsWithLast(current: Collections, facts: Fact[], fact: Fact): Partial<Collections> | undefined {
  const { eventId, event } = fact;
  switch (event.type) {
    case 'MarriageRegistered': {
      const { data } = event;
      if (namedByEarlier(facts, 'DivorceRegistered', 'marriageId', data.marriageId)) return undefined;
      const marriage: Marriage = { marriageId: data.marriageId, spouseId: data.spouseId, date: data.date, place: data.place, eventId };
      return { marriages: appended(current.marriages, marriage) };
    }
    case 'DivorceRegistered':
      return { marriages: withEnding(current.marriages, (m) => m.marriageId === event.data.marriageId, 'divorce', { date: event.data.date, eventId }) };
    case 'EmploymentStarted': {
      const { data } = event;
      if (namedByEarlier(facts, 'EmploymentEnded', 'employmentId', data.employmentId)) return undefined;
      return { employments: appended(current.employments, employmentOf(data, eventId)) };
    }
    case 'EmploymentEnded': {
      const ended = { date: event.data.date, reason: event.data.reason, eventId };
      return { employments: withEnding(current.employments, (e) => e.employmentId === event.data.employmentId, 'ended', ended) };
    }
    case 'IdentityCardIssued': {
      const { data } = event;
      if (namedByEarlier(facts, 'IdentityCardReported', 'cardNumber', data.cardNumber)) return undefined;
      const card: IdentityCard = { cardNumber: data.cardNumber, issuedOn: data.date, expiresOn: data.expiresOn, office: data.office, eventId };
      return { cards: appended(current.cards, card) };
    }
    case 'IdentityCardReported': {
      const reported = { date: event.data.date, reason: event.data.reason, eventId };
      return { cards: withEnding(current.cards, (c) => c.cardNumber === event.data.cardNumber, 'reported', reported) };
    }
    case 'EducationRecorded':
      return { education: appended(current.education, withEventId(event.data, eventId)) };
    default:
      return unchanged;
  }
}

/** No collection changed, shared (frozen): the fold only reads it. */
const unchanged: Partial<Collections> = Object.freeze({});

/**
 * An ending of `type` that counts names the entry whose `key` is `value`. Tested in one pass, with
 * no list of the facts of the type and no closure: this runs on every fold of a new entry (four a
 * bulk marriage), and most persons have no ending at all.
 */
function namedByEarlier(facts: Fact[], type: 'DivorceRegistered' | 'EmploymentEnded' | 'IdentityCardReported', key: string, value: string): boolean {
  for (const { event, annulled } of facts) {
    if (event.type === type && !annulled && (event.data as Record<string, unknown>)[key] === value) return true;
  }
  return false;
}

/** The entry a fact names takes its ending, unless it has one already (the earliest ending counts). */
function withEnding<T, K extends keyof T>(entries: T[], named: (entry: T) => boolean, key: K, ending: T[K]): T[] {
  return entries.map((entry) => (named(entry) && !entry[key] ? { ...entry, [key]: ending } : entry));
}

/** The employment an EmploymentStarted fact opens, before any ending. */
function employmentOf(data: EmploymentStarted['data'], eventId: string): Employment {
  return { employmentId: data.employmentId, employer: data.employer, occupation: data.occupation, sector: data.sector, startedOn: data.date, eventId };
}
