import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional } from 'class-validator';
import { IsAreaCode, IsCivilDate } from '../../http/field-validators';

export class LifeTableRequestDto {
  @ApiProperty({ enum: ['F', 'M'] })
  @IsIn(['F', 'M'])
  sex!: 'F' | 'M';

  @ApiProperty({ type: [Number], example: [0, 1, 5, 10], description: 'Start of each age group; the last is open' })
  @IsArray()
  @IsNumber({}, { each: true })
  ages!: number[];

  @ApiProperty({ type: [Number] })
  @IsArray()
  @IsNumber({}, { each: true })
  deaths!: number[];

  @ApiProperty({ type: [Number], description: 'Person-years lived in each group' })
  @IsArray()
  @IsNumber({}, { each: true })
  exposures!: number[];

  @ApiPropertyOptional({ type: [Number], description: 'Per group; null takes the default rule' })
  @IsOptional()
  @IsArray()
  ax?: Array<number | null>;
}

/** API.md's projection inputs; nested schedules are checked by the projection's own validation. */
export class ProjectionRequestDto {
  @ApiPropertyOptional({ example: 1993 }) @IsOptional() @IsInt() baseYear?: number;
  @ApiPropertyOptional({ enum: [1, 5] }) @IsOptional() @IsIn([1, 5]) step?: 1 | 5;
  @ApiProperty({ example: 10 }) @IsInt() horizon!: number;
  @ApiPropertyOptional({ description: '{F: [...], M: [...]} by age group' }) @IsOptional() @IsObject() population?: Record<string, unknown>;
  @ApiPropertyOptional({ description: '{F, M}; the open group holds its T' }) @IsOptional() @IsObject() Lx?: Record<string, unknown>;
  @ApiPropertyOptional({ example: 100000 }) @IsOptional() @IsNumber() l0?: number;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsNumber({}, { each: true }) asfr?: number[];
  @ApiPropertyOptional({ example: 1.05 }) @IsOptional() @IsNumber() sexRatioAtBirth?: number;
  @ApiPropertyOptional({ description: '{F, M, convention: mid-period | end}: net migrants per step' }) @IsOptional() @IsObject() migration?: Record<string, unknown>;
  @ApiPropertyOptional({ description: '{tfr?, Lx?, migration?}: each {target, year}' }) @IsOptional() @IsObject() scenario?: Record<string, unknown>;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Take what is not supplied from the register at this date' }) @IsOptional() @IsCivilDate() baseDate?: string;
  @ApiPropertyOptional({ example: 'LY-BA' }) @IsOptional() @IsAreaCode() area?: string;
  @ApiPropertyOptional({ example: '2025-01-01' }) @IsOptional() @IsCivilDate() ratesFrom?: string;
  @ApiPropertyOptional({ example: '2025-12-31' }) @IsOptional() @IsCivilDate() ratesTo?: string;
}
