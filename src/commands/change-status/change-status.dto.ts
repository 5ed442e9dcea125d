import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmptyObject, ValidateNested } from 'class-validator';
import { IsAreaCode, IsCivilDate } from '../../http/field-validators';
import { PersonNameDto } from '../shared/person-name.dto';
import { IsCountryCode, IsText } from '../shared/text-fields';

/** The other changes of status (API.md): each body is the data of its fact, dated `date`. */
abstract class DatedChangeDto {
  @ApiProperty({ example: '2026-11-15', description: 'Civil date the change took effect' })
  @IsCivilDate()
  date!: string;
}

export class ChangeNameDto extends DatedChangeDto {
  @ApiProperty({ type: PersonNameDto, description: 'The whole new name' })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => PersonNameDto)
  name!: PersonNameDto;

  @ApiProperty({ example: 'family name registered wrongly in the legacy register' })
  @IsText()
  reason!: string;

  @ApiProperty({ example: 'Benghazi court 2026/455', description: 'The decision that authorised the change' })
  @IsText()
  authorityReference!: string;
}

export class ChangeResidenceDto extends DatedChangeDto {
  @ApiProperty({ example: 'LY-BA-02', description: 'Gazetteer area of the new residence' })
  @IsAreaCode()
  area!: string;
}

export class RecordEmigrationDto extends DatedChangeDto {
  @ApiProperty({ example: 'TN', description: 'Destination country, ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country!: string;
}

export class RecordImmigrationDto extends DatedChangeDto {
  @ApiProperty({ example: 'EG', description: 'Country the person came from, ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country!: string;

  @ApiProperty({ example: 'LY-BA-03', description: 'Gazetteer area where the person now lives' })
  @IsAreaCode()
  area!: string;
}

export class GrantNationalityDto extends DatedChangeDto {
  @ApiProperty({ example: 'LY', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  nationality!: string;

  @ApiProperty({ example: 'Council of Ministers decision 2026/118' })
  @IsText()
  decisionReference!: string;
}
