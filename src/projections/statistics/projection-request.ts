import type { Sex } from '../../domain/person/person-events';
import { ProblemException } from '../../http/problem';
import { projectionLx } from '../../statistics/projection-lx';
import type { ProjectionInput } from '../../statistics/projection-input';
import { populationAt, type Reader } from '../population/population-queries';
import { registerRatesReport } from './register-statistics';
import { protectTable } from '../../statistics/suppression';

/** The body of POST /v1/statistics/projections: API.md's inputs, or `baseDate` for the register's. */
export type ProjectionRequest = Partial<ProjectionInput> & {
  baseDate?: string;
  area?: string;
  /** The period whose rates the register supplies; default the year up to `baseDate`. */
  ratesFrom?: string;
  ratesTo?: string;
};

/** The register's projections open at 85, as its life tables do. */
const OPEN_AGE = 85;
const SEXES: Sex[] = ['F', 'M'];

const unusable = (detail: string) => ProblemException.of(422, 'STATISTICS.REGISTER_INPUT_WITHHELD', 'The register cannot supply this input', detail);

function yearBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() - 1);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Fills what the statistician left out from the register: the base population at `baseDate` in
 * groups of `step` (85+ open), and Lx, ASFR and the sex ratio at birth from the rates of the
 * period. Only inputs the register would publish are used: a base population with a cell below
 * the threshold, or a withheld rate, refuses the projection (422) rather than let its results
 * carry a suppressed figure forward.
 */
export async function withRegisterInputs(reader: Reader, request: ProjectionRequest, threshold: number): Promise<ProjectionInput> {
  const { baseDate, area, ratesFrom, ratesTo, ...supplied } = request;
  if (!baseDate) return supplied as ProjectionInput;
  const step = supplied.step ?? 5;
  const groups = step === 5 ? OPEN_AGE / 5 + 1 : OPEN_AGE + 1;
  const group = (age: number) => Math.min(Math.floor(age / step), groups - 1);
  const input: Partial<ProjectionInput> = { baseYear: Number(baseDate.slice(0, 4)), step, ...supplied };

  if (!supplied.population) {
    const counts = (await populationAt(reader, baseDate, area)).get(area ?? '*')!;
    const population = { F: new Array(groups).fill(0), M: new Array(groups).fill(0) };
    for (const sex of SEXES) counts[sex].forEach((count, age) => (population[sex][group(age)] += count));
    const cells = [...population.F, ...population.M];
    if (protectTable(cells, [], threshold).cells.some((cell) => cell === null)) {
      throw unusable(`the base population at ${baseDate} has age groups below ${threshold} persons; choose a larger area or supply population`);
    }
    input.population = population;
  }
  if (!supplied.Lx || !supplied.asfr || supplied.sexRatioAtBirth === undefined) {
    const rates = await registerRatesReport(reader, ratesFrom ?? yearBefore(baseDate), ratesTo ?? baseDate, area, threshold);
    if (!supplied.Lx) {
      const tables = SEXES.map((sex) => rates.lifeTables[sex][step === 5 ? 'abridged' : 'single'].rows);
      if (tables.some((rows) => rows === null)) throw unusable('the register life tables of the period are withheld (small cells); supply Lx');
      const [F, M] = tables.map((rows) => projectionLx(rows!, step, OPEN_AGE)) as [number[], number[]];
      input.Lx = { F, M };
      input.l0 = supplied.l0 ?? 100_000;
    }
    if (!supplied.asfr) {
      const asfr = new Array(groups).fill(0);
      const published = step === 5 ? rates.asfr.fiveYear.map(({ rate }, g) => [3 + g, rate] as const) : rates.asfr.single.map(({ age, rate }) => [age, rate] as const);
      if (published.some(([, rate]) => rate === null)) throw unusable('the register fertility rates of the period are withheld (small cells); supply asfr');
      for (const [index, rate] of published) asfr[index] = rate;
      input.asfr = asfr;
    }
    if (supplied.sexRatioAtBirth === undefined) {
      if (rates.sexRatioAtBirth.ratio === null) throw unusable('the register sex ratio at birth is withheld; supply sexRatioAtBirth');
      input.sexRatioAtBirth = rates.sexRatioAtBirth.ratio;
    }
  }
  return input as ProjectionInput;
}
