import type { Residency, Sex } from '../../domain/person/person-events';
import type { EducationStatus, EmploymentStarted } from '../../domain/person/person-events';
import type { PersonState, RegisteredPerson } from '../../domain/person/person-state';
import type { CivilDate, PartialDate } from '../../domain/shared/partial-date';
import type { MotherName, PersonName } from '../../domain/shared/person-name';
import { maritalStatusOf, spousesOf, type MaritalStatus, type SpouseView } from './spouses-view';

export interface EducationView {
  level: number;
  institution: string;
  field?: string;
  status: EducationStatus;
  date: CivilDate;
}

export interface EmploymentView {
  employmentId: string;
  employer: string;
  occupation: string;
  sector: EmploymentStarted['data']['sector'];
  since: CivilDate;
}

export interface IdentityCardView {
  cardNumber: string;
  issuedOn: CivilDate;
  expiresOn: CivilDate;
  office: string;
}

/** DOMAIN.md's identity view: the person as the facts that count say, on one day. */
export interface IdentityView {
  nationalId: string;
  name: PersonName;
  sex: Sex;
  /** As recorded: `1961` stays a year, never a guessed day. */
  dateOfBirth: PartialDate;
  placeOfBirth: string;
  status: 'alive' | 'deceased';
  dateOfDeath?: CivilDate;
  placeOfDeath?: string;
  maritalStatus: MaritalStatus;
  spouses: SpouseView[];
  parents: { motherId?: string; fatherId?: string; motherName?: MotherName };
  residency: Residency;
  /** Area code of the current residence, once a residence change or immigration is recorded. */
  residence?: string;
  /** Set while the person lives abroad. */
  abroad?: { country: string; since: CivilDate };
  /** The nationality at registration. */
  nationality: string;
  /** Every nationality held: the one at registration, then those granted. */
  nationalities: string[];
  /** The latest education record and the highest ISCED level completed. */
  education?: { latest: EducationView; highestCompletedLevel?: number };
  /** Employments not ended (none once deceased). */
  employment: EmploymentView[];
  /** The valid card on the day read: issued, not reported, not expired, holder alive. */
  identityCard?: IdentityCardView;
  registration: { eventId: string; type: 'BirthRegistered' | 'PersonEnrolled' };
}

function educationOf(person: RegisteredPerson): IdentityView['education'] {
  const latest = person.education.at(-1);
  if (!latest) return undefined;
  const completed = person.education.filter(({ status }) => status === 'completed').map(({ level }) => level);
  const { eventId: _, ...view } = latest;
  return { latest: view, ...(completed.length > 0 && { highestCompletedLevel: Math.max(...completed) }) };
}

function employmentOf(person: RegisteredPerson): EmploymentView[] {
  if (person.status === 'deceased') return [];
  return person.employments
    .filter(({ ended }) => !ended)
    .map(({ employmentId, employer, occupation, sector, startedOn }) => ({ employmentId, employer, occupation, sector, since: startedOn }));
}

/** The cards that may be valid on some day: not reported, holder alive. */
export function cardsThatMayBeValid(person: RegisteredPerson): IdentityCardView[] {
  if (person.status === 'deceased') return [];
  return person.cards
    .filter(({ reported }) => !reported)
    .map(({ cardNumber, issuedOn, expiresOn, office }) => ({ cardNumber, issuedOn, expiresOn, office }));
}

/** The card valid on `day` among those that may be. */
export const validCardAmong = (cards: IdentityCardView[], day: CivilDate): IdentityCardView | undefined =>
  cards.find(({ issuedOn, expiresOn }) => issuedOn <= day && day <= expiresOn);

/** The view with the card valid on `day`, in the place the view shows it. */
export function withCardOn(view: Omit<IdentityView, 'identityCard'>, cards: IdentityCardView[], day: CivilDate): IdentityView {
  const card = validCardAmong(cards, day);
  const { registration, ...rest } = view;
  return { ...rest, ...(card && { identityCard: card }), registration };
}

/**
 * The identity view of a registered person on `day`, from their state and their spouses' states
 * at the same read point (a spouse's death, in the spouse's stream, makes the person widowed).
 */
export function identityViewOf(person: RegisteredPerson, spouses: ReadonlyMap<string, PersonState>, day: CivilDate): IdentityView {
  return withCardOn(identityWithoutCardOf(person, spouses), cardsThatMayBeValid(person), day);
}

/**
 * Everything in the view but the card, which alone depends on the day read. Built key by key, in
 * the view's order, rather than as one literal with spreads between its keys: V8 makes such a
 * literal on its slow path, and serialises what it makes slowly too (about 6 and 10 µs a view,
 * the largest parts of a rebuild's current views).
 */
export function identityWithoutCardOf(person: RegisteredPerson, spouses: ReadonlyMap<string, PersonState>): Omit<IdentityView, 'identityCard'> {
  const spouseViews = spousesOf(person, spouses);
  const registration = person.facts.find(({ eventId }) => eventId === person.registrationEventId)!;
  const view: Partial<IdentityView> = {
    nationalId: person.nationalId,
    name: person.name,
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    placeOfBirth: person.placeOfBirth,
    status: person.status,
  };
  if (person.status === 'deceased') {
    view.dateOfDeath = person.dateOfDeath;
    view.placeOfDeath = person.placeOfDeath;
  }
  view.maritalStatus = maritalStatusOf(spouseViews);
  view.spouses = spouseViews;
  view.parents = parentsOf(person);
  view.residency = person.residency;
  if (person.residence) view.residence = person.residence;
  if (person.emigration) view.abroad = { country: person.emigration.country, since: person.emigration.date };
  view.nationality = person.nationalities[0]!;
  view.nationalities = person.nationalities;
  const education = educationOf(person);
  if (education) view.education = education;
  view.employment = employmentOf(person);
  view.registration = { eventId: person.registrationEventId, type: registration.event.type as IdentityView['registration']['type'] };
  return view as Omit<IdentityView, 'identityCard'>;
}

function parentsOf(person: RegisteredPerson): IdentityView['parents'] {
  const parents: IdentityView['parents'] = {};
  if (person.motherId) parents.motherId = person.motherId;
  if (person.fatherId) parents.fatherId = person.fatherId;
  if (person.motherName) parents.motherName = person.motherName;
  return parents;
}

/** The spouses whose streams the view needs, each once. */
export const spouseIdsOf = (person: RegisteredPerson): string[] => [...new Set(person.marriages.map(({ spouseId }) => spouseId))];
