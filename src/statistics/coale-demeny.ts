import type { Sex } from '../domain/person/person-events';

/*
 * Coale and Demeny's rules for the mean years lived in the interval by infants (1a0) and by
 * children aged 1–4 (4a1) who die there, as functions of the infant death rate 1m0. Deaths in
 * early childhood crowd into the first weeks, so n/2 would overstate the time they live; these
 * rules are the textbook default when no better ax is supplied.
 *
 * Source: Preston, Heuveline and Guillot, Demography (2001), Table 3.3, p. 48, after Coale and
 * Demeny (1983). The same coefficients appear in the Human Mortality Database Methods Protocol
 * (v5, formulas 61–62, 1a0 only) and in open-source implementations such as demCore.
 */

/** Above this infant death rate the rules switch from linear in 1m0 to a constant. */
const HIGH_INFANT_MORTALITY = 0.107;

export function coaleDemenyA0(sex: Sex, m0: number): number {
  if (m0 >= HIGH_INFANT_MORTALITY) return sex === 'M' ? 0.33 : 0.35;
  return sex === 'M' ? 0.045 + 2.684 * m0 : 0.053 + 2.8 * m0;
}

export function coaleDemenyA1(sex: Sex, m0: number): number {
  if (m0 >= HIGH_INFANT_MORTALITY) return sex === 'M' ? 1.352 : 1.361;
  return sex === 'M' ? 1.651 - 2.816 * m0 : 1.522 - 1.518 * m0;
}
