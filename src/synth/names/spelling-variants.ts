import type { Prng } from '../prng';

/**
 * The ways registers spell one name (DOMAIN.md, "Name matching"): a hamza dropped (أ إ آ → ا),
 * taa marbuta written as haa (ة → ه), alef maqsura as yaa (ى → ي), and عبد joined to the next word.
 * Every variant normalises to the canonical spelling, so matching finds both.
 */
export type SpellingVariant = 'hamza' | 'taa-marbuta' | 'alef-maqsura' | 'abd-spacing';

const rewrites: Record<SpellingVariant, (text: string) => string> = {
  hamza: (text) => text.replace(/[أإآ]/g, 'ا'),
  'taa-marbuta': (text) => text.replace(/ة(?=\s|$)/g, 'ه'),
  'alef-maqsura': (text) => text.replace(/ى(?=\s|$)/g, 'ي'),
  'abd-spacing': (text) => text.replace(/(^|\s)عبد\s+/g, '$1عبد'),
};

export const spellingVariants = Object.keys(rewrites) as SpellingVariant[];

/** The variants that change `text`. */
export function applicableVariants(text: string): SpellingVariant[] {
  return spellingVariants.filter((variant) => rewrites[variant](text) !== text);
}

export function spellWith(variant: SpellingVariant, text: string): string {
  return rewrites[variant](text);
}

/** One applicable variant of `text`, drawn at random; undefined when the name has no other spelling. */
export function misspell(text: string, random: Prng): { text: string; variant: SpellingVariant } | undefined {
  const variants = applicableVariants(text);
  if (variants.length === 0) return undefined;
  const variant = random.pick(variants);
  return { text: rewrites[variant](text), variant };
}
