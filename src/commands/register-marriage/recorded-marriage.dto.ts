import { ApiProperty } from '@nestjs/swagger';
import { RecordedFactDto } from '../shared/recorded-fact.dto';

/** What a marriage or divorce answers (201), for OpenAPI: the marriage and the fact in each spouse's stream. */
export class RecordedMarriageFactDto {
  @ApiProperty({ example: '6f1c2a9e-3b7d-4e58-9a20-c4d1e7f08b36', description: 'Issued by the ledger; names the marriage in a divorce' })
  marriageId!: string;

  @ApiProperty({ type: [RecordedFactDto], description: 'One entry per spouse, in the order the request named them' })
  facts!: RecordedFactDto[];
}
