import { latinShapes, NAME_PARTS, NAME_SHAPES, spell, wordsOf, type NamePart, type NormalisedParts } from './search-keys';

/**
 * How well a person's names answer a query. A query matches when, normalised, it spells one of
 * the name shapes exactly (every word typed is in the name, in order, from the given name); the
 * score then says which parts it pinned down. Points:
 *   given 40, father 15, grandfather 10, family 25 (the exact family name weighs most after the
 *   given name), +10 when the query is the whole name;
 *   with a mother's name: +5 when it matches, +10 when it is her whole recorded name.
 * So a whole four-part name scores 100, given + family 65, given + father 55.
 */

export const PART_POINTS: Record<NamePart, number> = { given: 40, father: 15, grandfather: 10, family: 25 };
export const WHOLE_NAME_POINTS = 10;
export const MOTHER_POINTS = { partial: 5, whole: 10 };

export interface NameMatch {
  score: number;
  /** The parts the query matched: `given`, `father`, ..., or `latin` for a transliteration. */
  matched: string[];
}

/** The best-scoring shape the query spells, or undefined when it spells none. */
export function matchArabicName(query: string, parts: NormalisedParts): NameMatch | undefined {
  // Every shape starts with the given name: most candidates a prefix range returns stop here.
  if (!query.startsWith(parts.given ?? '')) return undefined;
  let best: NameMatch | undefined;
  for (const shape of NAME_SHAPES) {
    if (spell(parts, shape) !== query) continue;
    const whole = shape.length === NAME_PARTS.length ? WHOLE_NAME_POINTS : 0;
    const score = shape.reduce((sum, part) => sum + PART_POINTS[part], whole);
    if (best === undefined || score > best.score) best = { score, matched: [...shape] };
  }
  return best;
}

/**
 * A transliteration's words stand for the parts: the first for the given name, the last for the
 * family, the ones between share the father's and grandfather's points.
 */
export function matchLatinName(query: string, latin: string | null): NameMatch | undefined {
  if (latin === null) return undefined;
  const words = wordsOf(latin);
  const last = words.length - 1;
  const middlePoints = (PART_POINTS.father + PART_POINTS.grandfather) / Math.max(1, words.length - 2);
  let best: NameMatch | undefined;
  for (const shape of latinShapes(words)) {
    if (shape.map((i) => words[i]).join(' ') !== query) continue;
    const points = shape.map((i) => (i === 0 ? PART_POINTS.given : i === last ? PART_POINTS.family : middlePoints));
    const whole = shape.length === words.length && words.length > 1 ? WHOLE_NAME_POINTS : 0;
    const score = Math.round(points.reduce((sum, p) => sum + p, whole));
    if (best === undefined || score > best.score) best = { score, matched: ['latin'] };
  }
  return best;
}

/** The mother's name narrows a search: it matches when it spells a shape of her recorded parts. */
export function matchMotherName(query: string, mother: NormalisedParts | null): number | undefined {
  if (mother === null) return undefined;
  const recorded = NAME_PARTS.filter((part) => mother[part] !== undefined);
  let best: number | undefined;
  for (const shape of NAME_SHAPES) {
    if (spell(mother, shape) !== query) continue;
    const points = shape.length === recorded.length ? MOTHER_POINTS.whole : MOTHER_POINTS.partial;
    best = Math.max(best ?? 0, points);
  }
  return best;
}
