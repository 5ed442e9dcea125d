import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmptyObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { EnrolmentSourceKind, Residency, Sex } from '../../domain/person/person-events';
import { IsAreaCode, IsNationalId, IsPartialDate } from '../../http/field-validators';
import { MotherNameDto, PersonNameDto } from '../shared/person-name.dto';

const residencies: Residency[] = ['citizen', 'resident', 'visitor'];
const sourceKinds: EnrolmentSourceKind[] = [
  'legacy-register',
  'census-1922',
  'residence-permit',
  'late-registration',
  'never-registered',
];

export class EnrolledPersonDto {
  @ApiProperty({ type: PersonNameDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => PersonNameDto)
  name!: PersonNameDto;

  @ApiProperty({ enum: ['F', 'M'] })
  @IsIn(['F', 'M'])
  sex!: Sex;

  @ApiProperty({ example: '1961', description: 'YYYY, YYYY-MM or YYYY-MM-DD: a legacy date keeps its precision' })
  @IsPartialDate()
  dateOfBirth!: string;

  @ApiProperty({ example: 'LY-BA-01' })
  @IsAreaCode()
  placeOfBirth!: string;

  @ApiProperty({ example: 'LY', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'nationality must be an ISO 3166-1 alpha-2 code such as LY' })
  nationality!: string;

  @ApiProperty({ enum: residencies })
  @IsIn(residencies)
  residency!: Residency;

  @ApiPropertyOptional({ type: MotherNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MotherNameDto)
  motherName?: MotherNameDto;

  @ApiPropertyOptional({ description: 'National ID of the mother, when she is registered' })
  @IsOptional()
  @IsNationalId()
  motherId?: string;

  @ApiPropertyOptional({ description: 'National ID of the father, when he is registered' })
  @IsOptional()
  @IsNationalId()
  fatherId?: string;
}

export class EnrolmentSourceDto {
  @ApiProperty({ enum: sourceKinds })
  @IsIn(sourceKinds)
  kind!: EnrolmentSourceKind;

  @ApiProperty({ example: 'Benghazi family register 12, page 40' })
  @IsString()
  @Length(1, 300)
  reference!: string;
}

export class EnrolPersonDto {
  @ApiProperty({ type: EnrolledPersonDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => EnrolledPersonDto)
  person!: EnrolledPersonDto;

  @ApiProperty({ type: EnrolmentSourceDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => EnrolmentSourceDto)
  source!: EnrolmentSourceDto;
}
