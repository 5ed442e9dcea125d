import { applyDecorators } from '@nestjs/common';
import { IsString, Length, Matches } from 'class-validator';

/** Free text a register holds (an employer, a reason, a decision's reference): present and not blank. */
export const IsText = (max = 200) =>
  applyDecorators(IsString(), Length(1, max), Matches(/\S/, { message: '$property must not be blank' }));

export const IsCountryCode = () =>
  Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 code such as LY' });
