import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Sex } from '../../domain/person/person-events';
import type { MotherName, PersonName } from '../../domain/shared/person-name';
import { MotherNameResponse, PersonNameResponse } from '../identity-view/identity-view.response';
import type { PersonSummary } from './search-document';
import type { SearchPage } from './search-persons';

/** OpenAPI shapes of search results; `implements` keeps them in step with the read model's types. */

export class PersonSummaryResponse implements PersonSummary {
  @ApiProperty({ example: '412345678904' }) nationalId!: string;
  @ApiProperty({ type: PersonNameResponse, description: 'The current name, as recorded (not normalised)' }) name!: PersonName;
  @ApiProperty({ enum: ['F', 'M'] }) sex!: Sex;
  @ApiProperty({ example: '1961', description: 'YYYY, YYYY-MM or YYYY-MM-DD: a legacy date keeps its precision' }) dateOfBirth!: string;
  @ApiProperty({ example: 'LY-BA-01' }) placeOfBirth!: string;
  @ApiPropertyOptional({ type: MotherNameResponse }) motherName?: MotherName;
  @ApiProperty({ enum: ['alive', 'deceased'] }) status!: PersonSummary['status'];
}

export class SearchResultResponse extends PersonSummaryResponse {
  @ApiProperty({
    example: 65,
    description:
      'Higher is better. given 40, father 15, grandfather 10, family 25, +10 for the whole name; with motherName +5, or +10 for her whole recorded name',
  })
  score!: number;
  @ApiProperty({ example: ['given', 'family'], description: 'given, father, grandfather, family, or latin; then motherName when given', type: [String] })
  matched!: string[];
}

export class SearchPageResponse implements SearchPage {
  @ApiProperty({ description: 'How many persons match, on every page' }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ type: [SearchResultResponse], description: 'Best first; equal scores by name, then national ID' })
  results!: SearchResultResponse[];
}
