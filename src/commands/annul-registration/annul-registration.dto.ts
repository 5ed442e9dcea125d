import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsCivilDate } from '../../http/field-validators';

export class AnnulRegistrationDto {
  @ApiProperty({ example: '0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', description: 'ID of the fact to annul, as the history lists it' })
  @IsUUID('all')
  eventId!: string;

  @ApiProperty({ example: 'Benghazi court 2027/311' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'courtReference must not be blank' })
  courtReference!: string;

  @ApiProperty({ example: 'Marriage contracted under a forged guardian consent' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;

  @ApiPropertyOptional({ example: '2026-11-22', description: 'Civil date of the court order; defaults to today' })
  @IsOptional()
  @IsCivilDate()
  date?: string;
}
