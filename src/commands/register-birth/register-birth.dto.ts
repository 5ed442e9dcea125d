import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmptyObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import type { Sex } from '../../domain/person/person-events';
import { IsAreaCode, IsCivilDate, IsNationalId } from '../../http/field-validators';
import { PersonNameDto } from '../shared/person-name.dto';

export class NewbornDto {
  @ApiProperty({ type: PersonNameDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => PersonNameDto)
  name!: PersonNameDto;

  @ApiProperty({ enum: ['F', 'M'] })
  @IsIn(['F', 'M'])
  sex!: Sex;

  @ApiProperty({ example: '2026-11-20' })
  @IsCivilDate()
  dateOfBirth!: string;

  @ApiProperty({ example: 'LY-BA-03' })
  @IsAreaCode()
  placeOfBirth!: string;
}

export class RegisterBirthDto {
  @ApiProperty({ type: NewbornDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => NewbornDto)
  child!: NewbornDto;

  @ApiProperty({ example: '412345678902' })
  @IsNationalId()
  motherId!: string;

  @ApiPropertyOptional({ example: '398765432109' })
  @IsOptional()
  @IsNationalId()
  fatherId?: string;

  @ApiProperty({ example: 1, description: 'Children born of this delivery: 1 single, 2 twins, ...' })
  @IsInt()
  @Min(1)
  @Max(9)
  plurality!: number;

  @ApiPropertyOptional({ example: 1, description: 'Order of this child within a multiple birth' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  birthOrder?: number;

  @ApiPropertyOptional({ example: 3200 })
  @IsOptional()
  @IsInt()
  @Min(200)
  @Max(8000)
  weightGrams?: number;

  @ApiPropertyOptional({ example: 'midwife' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  attendant?: string;

  @ApiPropertyOptional({ example: 'father' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  declarant?: string;
}
