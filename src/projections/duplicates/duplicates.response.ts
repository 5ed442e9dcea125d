import { ApiProperty } from '@nestjs/swagger';
import { PersonSummaryResponse } from '../person-search/person-search.response';
import type { DuplicateField } from './duplicate-score';
import type { DuplicateCandidate, Duplicates } from './find-duplicates';

export class DuplicateCandidateResponse extends PersonSummaryResponse implements DuplicateCandidate {
  @ApiProperty({
    example: 83,
    description:
      'Out of 100: name given 10, father 10, grandfather 5, family 15; mother 15 (given and family) or 20 (every recorded part); birth date 25 (may be the same day), 15 (a year apart), 8 (within three years); place 10 (same area) or 5 (same region); sex 5. Listed from 50.',
  })
  score!: number;
  @ApiProperty({ example: ['name.given', 'name.father', 'name.grandfather', 'name.family', 'dateOfBirth'], type: [String] })
  matched!: DuplicateField[];
}

export class DuplicatesResponse implements Duplicates {
  @ApiProperty({ example: '412345678904' }) nationalId!: string;
  @ApiProperty({ description: 'How many candidates there are; at most 100 are listed' }) total!: number;
  @ApiProperty({ type: [DuplicateCandidateResponse], description: 'Best first; equal scores by the nearer birth date, then national ID' })
  candidates!: DuplicateCandidateResponse[];
}
