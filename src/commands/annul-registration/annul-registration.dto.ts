import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCivilDate } from '../../http/field-validators';
import { IsText } from '../shared/text-fields';

export class AnnulRegistrationDto {
  @ApiProperty({ example: '0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', description: 'ID of the fact to annul, as the history lists it' })
  @IsUUID('all')
  eventId!: string;

  @ApiProperty({ example: 'Benghazi court 2027/311' })
  @IsText()
  courtReference!: string;

  @ApiProperty({ example: 'Marriage contracted under a forged guardian consent' })
  @IsText(500)
  reason!: string;

  @ApiPropertyOptional({ example: '2026-11-22', description: 'Civil date of the court order; defaults to today' })
  @IsOptional()
  @IsCivilDate()
  date?: string;
}
