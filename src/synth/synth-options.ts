import { defaultRates, type SynthRates } from './synth-rates';

export interface SynthOptions {
  /** Size of the base population, enrolled first from legacy registers. */
  persons: number;
  /** Years simulated after the base population, ending with `endYear`. */
  years: number;
  seed: string;
  /** Districts people live in (gazetteer codes); each is served by the office `<code>-OFF1`. */
  areaCodes: string[];
  /** The last simulated year (default 2025): the stream is a function of the options alone, never of today. */
  endYear?: number;
  rates?: Partial<SynthRates>;
  /** National IDs already in use (a demo's documented persons): never issued again. */
  reservedNationalIds?: Iterable<string>;
  /** Registrar client ID stamped on the commands (default `synth`). */
  registrar?: string;
}

export function mergeRates(overrides: Partial<SynthRates> = {}): SynthRates {
  return { ...defaultRates, ...overrides, defects: { ...defaultRates.defects, ...overrides.defects } };
}
