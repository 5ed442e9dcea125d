import type { Sex } from '../domain/person/person-events';
import type { MotherName, PersonName } from '../domain/shared/person-name';
import { familyNames, femaleGivenNames, maleGivenNames, type NameEntry } from './names/arabic-names';
import type { Prng } from './prng';
import type { Person } from './synth-person';

const maleWeights = maleGivenNames.map((n) => n.weight);
const femaleWeights = femaleGivenNames.map((n) => n.weight);
const familyWeights = familyNames.map((n) => n.weight);

/** A given name by its frequency, as an index into the list for `sex`. */
export function givenName(random: Prng, sex: Sex): number {
  return random.weighted(sex === 'M' ? maleWeights : femaleWeights);
}

export function familyName(random: Prng): number {
  return random.weighted(familyWeights);
}

/** The person's true name: given, father's, grandfather's, family. */
export function nameOf(p: Person): PersonName {
  const given = (p.sex === 'M' ? maleGivenNames : femaleGivenNames)[p.given]!;
  const parts: NameEntry[] = [given, maleGivenNames[p.fatherName]!, maleGivenNames[p.grandfatherName]!, familyNames[p.family]!];
  return {
    given: parts[0]!.ar,
    father: parts[1]!.ar,
    grandfather: parts[2]!.ar,
    family: parts[3]!.ar,
    latin: parts.map((part) => part.latin).join(' '),
  };
}

/** A mother the ledger knows only by name. */
export function randomMotherName(random: Prng, family: number): MotherName {
  return {
    given: femaleGivenNames[givenName(random, 'F')]!.ar,
    father: maleGivenNames[givenName(random, 'M')]!.ar,
    family: familyNames[family]!.ar,
  };
}

export function motherNameOf(name: PersonName): MotherName {
  return { given: name.given, father: name.father, grandfather: name.grandfather, family: name.family };
}
