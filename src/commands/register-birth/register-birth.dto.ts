import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmptyObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsCivilDate, IsNationalId } from '../../http/field-validators';
import { EnrolledPersonDto } from '../enrol-person/enrol-person.dto';

/** A newborn is described as an enrolled person is, but its birth date is always known to the day. */
export class NewbornDto extends PickType(EnrolledPersonDto, ['name', 'sex', 'placeOfBirth'] as const) {
  @ApiProperty({ example: '2026-11-20' })
  @IsCivilDate()
  dateOfBirth!: string;
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
