import type { ProjectionUnitOfWork } from '../../read-models/projection';
import type { Document } from '../../read-models/read-model.port';
import { FLOW_KINDS, type Life } from './person-life';
import { NATION, cohortId, cohortKey, flowId, flowKey, yearOfDay, type CohortDocument, type FlowDocument } from './population-cells';

/** One cell's net change in a batch, by packed key (cohortKey, flowKey). */
type Deltas = Map<number, number>;
/** A collection's changed cells: area, then the rest of the cell packed as a number, then keys. */
type Cells = Map<string, Map<number, Deltas>>;

/**
 * A batch's changes to the cohort and flow cells, summed by cell and key before any cell is read.
 * Each changed cell is then read, changed and written once per batch, however many lives touched
 * it, and a life taken out and added back unchanged (a person the batch re-derived) nets to
 * nothing. The counts are sums, so summing first leaves the same cells as bumping them one life at
 * a time. A cell is found by its area and a number (birth year and sex, or year and kind): its
 * joined ID is built once per batch, not once per change.
 */
export class CellChanges {
  private readonly cohorts: Cells = new Map();
  private readonly flows: Cells = new Map();

  /** Adds a life's contribution (`sign` 1) or takes it out (−1). */
  add(life: Life, sign: 1 | -1): void {
    const cohort = life.birth.year * 2 + (life.sex === 'M' ? 1 : 0);
    for (const [area, day, delta] of life.presence) {
      const key = cohortKey(day, life.birth.monthDay);
      change(this.cohorts, area, cohort, key, sign * delta);
      change(this.cohorts, NATION, cohort, key, sign * delta);
    }
    for (const [kind, area, day, age] of life.flows) {
      const flow = yearOfDay(day) * FLOW_SLOTS + FLOW_KINDS.indexOf(kind);
      const key = flowKey(day, life.sex, age);
      change(this.flows, area, flow, key, sign);
      change(this.flows, NATION, flow, key, sign);
    }
  }

  /** Writes every cell whose counts changed; a cell left with no count is deleted. */
  async write(unitOfWork: ProjectionUnitOfWork, cohorts: string, flows: string): Promise<void> {
    for (const [area, cells] of this.cohorts) {
      for (const [cohort, deltas] of cells) {
        const [birthYear, sex] = [Math.floor(cohort / 2), cohort % 2 === 1 ? 'M' : 'F'] as const;
        const id = cohortId(area, sex, birthYear);
        await settle(unitOfWork, cohorts, id, deltas, (cell: CohortDocument) => cell.changes, () => ({ id, area, sex, birthYear, changes: {} }));
      }
    }
    for (const [area, cells] of this.flows) {
      for (const [flow, deltas] of cells) {
        const year = Math.floor(flow / FLOW_SLOTS);
        const kind = FLOW_KINDS[flow - year * FLOW_SLOTS]!;
        const id = flowId(area, kind, year);
        await settle(unitOfWork, flows, id, deltas, (cell: FlowDocument) => cell.counts, () => ({ id, area, kind, year, counts: {} }));
      }
    }
  }
}

/** Room for every flow kind in the number a flow cell is packed into. */
const FLOW_SLOTS = 8;

function change(cells: Cells, area: string, cell: number, key: number, delta: number): void {
  let ofArea = cells.get(area);
  if (ofArea === undefined) cells.set(area, (ofArea = new Map()));
  let deltas = ofArea.get(cell);
  if (deltas === undefined) ofArea.set(cell, (deltas = new Map()));
  deltas.set(key, (deltas.get(key) ?? 0) + delta);
}

async function settle<T extends Document>(
  unitOfWork: ProjectionUnitOfWork,
  collection: string,
  id: string,
  deltas: Deltas,
  countsOf: (cell: T) => Record<number, number>,
  empty: () => T,
): Promise<void> {
  let cell: T | undefined;
  let takenOut = false;
  for (const [key, delta] of deltas) {
    if (delta === 0) continue;
    // The unit of work gives the batch its own copy: its counts change in place.
    cell ??= (await unitOfWork.get<T>(collection, id)) ?? empty();
    const counts = countsOf(cell);
    const value = (counts[key] ?? 0) + delta;
    if (value !== 0) counts[key] = value;
    else {
      delete counts[key];
      takenOut = true;
    }
  }
  if (cell === undefined) return;
  if (takenOut && isEmpty(countsOf(cell))) unitOfWork.delete(collection, id);
  else unitOfWork.put(collection, cell);
}

function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}
