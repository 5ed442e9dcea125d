import type { Condition, ReadModelStore } from '../../read-models/read-model.port';
import { stateOf } from '../../domain/person/person-state';
import { PERSON_SEARCH, PERSON_SEARCH_RECORD, summaryOf, type PersonSearchDocument, type PersonSummary } from './search-document';
import { wordPrefixRange } from './search-keys';
import { logOf, type PersonSearchRecordDocument } from './search-record';
import { compareHits, rankCandidate, type SearchCriteria, type SearchHit } from './search-ranking';

/**
 * Ranking reads every candidate, so a query must narrow to at most this many before it is
 * ranked. At national scale "محمد محمد" alone names tens of thousands; the answer is then how
 * many, and a request to add the birth year, the mother's name or another part of the name.
 */
export const RANKED_LIMIT = 500;

export interface TooBroad {
  tooBroad: true;
  /** Candidates the index found (an upper bound on the matches). */
  candidates: number;
}

export type SearchResult = PersonSummary & Omit<SearchHit, 'sortKey'>;

export interface SearchPage {
  total: number;
  page: number;
  pageSize: number;
  results: SearchResult[];
}

/**
 * The index lookups a query needs, one per name shape it may spell: each an equality or a
 * word-prefix range on a name key, with the birth year as the index's second field. Only
 * people whose names spell the query (or start with it) are read, never the whole population.
 */
export function lookupsOf(criteria: SearchCriteria): Array<Record<string, Condition>> {
  const year: Record<string, Condition> = criteria.birthYear === undefined ? {} : { birthYear: criteria.birthYear };
  const { name } = criteria;
  if (criteria.script === 'latin') {
    return [
      { latin: wordPrefixRange(name), ...year },
      { latinFirstLast: name, ...year },
    ];
  }
  return [
    { full: wordPrefixRange(name), ...year },
    { givenFamily: name, ...year },
    { givenFatherFamily: name, ...year },
  ];
}

/**
 * Every candidate the lookups find, scored and ranked; the page asked for, with the total. The
 * lookups are counted first on their indexes alone, so a query too broad to rank costs little.
 */
export async function searchPersons(
  models: ReadModelStore,
  criteria: SearchCriteria,
  page: { page: number; pageSize: number },
  limit = RANKED_LIMIT,
): Promise<SearchPage | TooBroad> {
  const lookups = lookupsOf(criteria);
  let counted = 0;
  for (const where of lookups) counted += await models.count(PERSON_SEARCH, where);
  if (counted > limit) return { tooBroad: true, candidates: counted };
  const candidates = new Map<string, PersonSearchDocument>();
  for (const where of lookups) {
    for (const document of await models.find<PersonSearchDocument>(PERSON_SEARCH, { where })) {
      candidates.set(document.id, document);
    }
  }
  const hits: SearchHit[] = [];
  for (const document of candidates.values()) {
    const hit = rankCandidate(document, criteria);
    if (hit !== undefined) hits.push(hit);
  }
  hits.sort(compareHits);
  const start = (page.page - 1) * page.pageSize;
  const shown = hits.slice(start, start + page.pageSize);
  const summaries = await summariesOf(models, shown.map((hit) => hit.nationalId));
  const results = shown.map(({ sortKey: _, ...hit }) => ({ ...summaries.get(hit.nationalId)!, ...hit }));
  return { total: hits.length, ...page, results };
}

/** The identity summaries of the registered persons shown, from the facts their records keep. */
export async function summariesOf(models: ReadModelStore, nationalIds: string[]): Promise<Map<string, PersonSummary>> {
  const records = await models.getMany<PersonSearchRecordDocument>(PERSON_SEARCH_RECORD, nationalIds);
  const summaries = new Map<string, PersonSummary>();
  for (const [id, record] of records) {
    const person = stateOf(logOf(record));
    if (person.status !== 'unregistered') summaries.set(id, summaryOf(person));
  }
  return summaries;
}
