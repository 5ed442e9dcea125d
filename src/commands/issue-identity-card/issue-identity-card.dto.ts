import { ApiProperty } from '@nestjs/swagger';
import { IsCivilDate } from '../../http/field-validators';

export class IssueIdentityCardDto {
  @ApiProperty({ example: '2026-11-22', description: 'Date of issue' })
  @IsCivilDate()
  date!: string;

  @ApiProperty({ example: '2036-11-21', description: 'Last day the card is valid; after the date of issue' })
  @IsCivilDate()
  expiresOn!: string;
}

export class IdentityCardIssuedDto {
  @ApiProperty({ example: '412345678904' })
  nationalId!: string;

  @ApiProperty({ example: ['019a8f3c-5b2e-7d41-9c3a-2f6e8b1d4a70'] })
  eventIds!: string[];

  @ApiProperty({ example: 'Q4J8M2X7RD1C', description: 'Issued by the ledger; printed on the card' })
  cardNumber!: string;
}
