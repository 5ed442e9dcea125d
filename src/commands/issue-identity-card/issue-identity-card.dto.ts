import { ApiProperty } from '@nestjs/swagger';
import { IsCivilDate } from '../../http/field-validators';
import { RecordedFactDto } from '../shared/recorded-fact.dto';

export class IssueIdentityCardDto {
  @ApiProperty({ example: '2026-11-22', description: 'Date of issue' })
  @IsCivilDate()
  date!: string;

  @ApiProperty({ example: '2036-11-21', description: 'From this day the card is no longer valid; after the date of issue' })
  @IsCivilDate()
  expiresOn!: string;
}

export class IdentityCardIssuedDto extends RecordedFactDto {
  @ApiProperty({ example: 'Q4J8M2X7RD1C', description: 'Issued by the ledger; printed on the card' })
  cardNumber!: string;
}
