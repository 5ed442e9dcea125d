import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { CardReportReason } from '../../domain/person/person-events';
import { IsCivilDate } from '../../http/field-validators';

const reasons: CardReportReason[] = ['lost', 'stolen', 'damaged'];

export class ReportIdentityCardDto {
  @ApiProperty({ enum: reasons, example: 'lost' })
  @IsIn(reasons)
  reason!: CardReportReason;

  @ApiProperty({ example: '2026-11-20', description: 'From this day the card is no longer valid' })
  @IsCivilDate()
  date!: string;
}
