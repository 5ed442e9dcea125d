/** The four-part Arab name (الاسم الرباعي), with an optional Latin transliteration. */
export interface PersonName {
  given: string;
  father: string;
  grandfather: string;
  family: string;
  latin?: string;
}

/** A mother's name as registers record it: the grandfather's name is often missing. */
export interface MotherName {
  given: string;
  father?: string;
  grandfather?: string;
  family: string;
}
