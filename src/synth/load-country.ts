import type { BulkCommand, BulkResult } from '../bulk/bulk-commands';
import type { BulkRecorder } from '../bulk/bulk-recorder';
import type { CommandIds } from '../bulk/command-ids';
import type { Gazetteer } from '../gazetteer/gazetteer';
import { CountryGenerator, type SynthOptions } from './country-generator';
import { synthCommandId, synthEventId } from './synth-ids';
import type { SynthStep } from './synth-step';
import type { SynthSummary } from './synth-summary';

export interface LoadOptions {
  /**
   * Commands per transaction (default 2,000). A batch is decided at its last step's instant (`now`):
   * every fact in it is dated on or before that day, so no rule reads it differently.
   */
  batchSize?: number;
  onProgress?: (progress: { steps: number; events: number; day: string }) => void;
  /**
   * Told each batch's instant right before its append goes to the store (perhaps while the batch
   * before it commits: that one's instant was taken when it went to the store's writer): the
   * store's clock returns it, so a seed gives a byte-identical log, recording instants included.
   */
  onBatchInstant?: (at: string) => void;
}

/** The identifiers a step's command records under: functions of its place in the stream. */
export function idsOf(step: SynthStep): CommandIds {
  const { at, seq, command } = step;
  return {
    commandId: () => synthCommandId(at, seq),
    eventId: (index) => synthEventId(at, seq, index),
    nationalId: () => {
      throw new Error(`step ${seq} enrols without a national ID`);
    },
    marriageId: () => (command.type === 'RegisterMarriage' ? command.data.marriageId : synthCommandId(at, seq)),
  };
}

/** A step as the bulk path takes it: the same command, with its key, office and identifiers. */
export function toBulkCommand(step: SynthStep): BulkCommand {
  const ids = idsOf(step);
  const { command } = step;
  if (command.type === 'RegisterDivorce') {
    const { spouses: _spouses, ...divorce } = command;
    return { ...divorce, ids };
  }
  return { ...command, ids } as BulkCommand;
}

/** The gazetteer's districts, or the codes asked for (each must exist and have an office `<code>-OFF1`). */
export function synthAreas(gazetteer: Gazetteer, codes?: string): string[] {
  const areas = codes ? codes.split(',').map((code) => code.trim()).filter(Boolean) : gazetteer.allAreas().filter((a) => a.level === 'district').map((a) => a.code);
  for (const code of areas) {
    if (!gazetteer.hasArea(code)) throw new Error(`${code} is not an area of the gazetteer`);
    if (!gazetteer.office(`${code}-OFF1`)) throw new Error(`${code} has no registration office ${code}-OFF1 in the gazetteer`);
  }
  if (areas.length === 0) throw new Error('no areas to place the population in');
  return areas;
}

/**
 * The rates the gazetteer allows: foreign residents are born abroad, and their place of birth
 * must be an area of the gazetteer; a gazetteer without foreign countries gets none.
 */
export function ratesFor(gazetteer: Gazetteer, options: SynthOptions): SynthOptions {
  if (gazetteer.hasArea('EG')) return options;
  return { ...options, rates: { ...options.rates, immigrationPerThousand: 0 } };
}

/**
 * Generates the country and records it through the bulk path, a transaction per batch of steps in
 * stream order. Returns the generator's summary with what the ledger recorded and refused.
 */
export async function loadCountry(recorder: BulkRecorder, options: SynthOptions, load: LoadOptions = {}): Promise<SynthSummary> {
  const started = performance.now();
  const generator = new CountryGenerator(options);
  const batchSize = load.batchSize ?? 2_000;
  const tally = { recorded: 0, refused: 0, duplicates: 0, events: 0, refusals: {} as Record<string, number> };
  let batch: SynthStep[] = [];
  let steps = 0;

  // The recorder decides a batch while the one before commits: at most two are handed to it at once.
  let previous: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const handed = batch;
    batch = [];
    const at = handed[handed.length - 1]!.at;
    const recorded = recorder
      .record(handed.map(toBulkCommand), { agency: handed[0]!.command.agency, now: at, beforeAppend: () => load.onBatchInstant?.(at) })
      .then((results) => {
        results.forEach((result, i) => count(result, handed[i]!));
        steps += handed.length;
        load.onProgress?.({ steps, events: tally.events, day: at.slice(0, 10) });
      });
    // Its failure is reported by the await below, after the batch before it.
    recorded.catch(() => undefined);
    await previous;
    previous = recorded;
  };
  const count = (result: BulkResult, step: SynthStep) => {
    if (result.status === 'recorded') {
      tally.recorded++;
      for (const fact of result.facts) tally.events += fact.eventIds.length;
    } else if (result.status === 'duplicate') {
      tally.duplicates++;
    } else {
      tally.refused++;
      const key = `${step.command.type} ${result.error.code}`;
      tally.refusals[key] = (tally.refusals[key] ?? 0) + 1;
    }
  };

  for (const step of generator.steps()) {
    if (batch.length >= batchSize) await flush();
    batch.push(step);
  }
  await flush();
  await previous;
  return { ...generator.summary(), load: { ...tally, seconds: (performance.now() - started) / 1000 } };
}
