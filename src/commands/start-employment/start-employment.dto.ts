import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import type { EmploymentStarted } from '../../domain/person/person-events';
import { IsCivilDate } from '../../http/field-validators';
import { RecordedFactDto } from '../shared/recorded-fact.dto';
import { IsText } from '../shared/text-fields';

export type Sector = EmploymentStarted['data']['sector'];
const sectors: Sector[] = ['public', 'private', 'self-employed', 'non-profit'];

export class StartEmploymentDto {
  @ApiProperty({ example: 'Arabian Gulf Oil Company' })
  @IsText()
  employer!: string;

  @ApiProperty({ example: '2142', description: 'ISCO-08 code, 1 to 4 digits (2142: civil engineers)' })
  @Matches(/^\d{1,4}$/, { message: 'occupation must be an ISCO-08 code of 1 to 4 digits such as 2142' })
  occupation!: string;

  @ApiProperty({ enum: sectors, example: 'public' })
  @IsIn(sectors)
  sector!: Sector;

  @ApiProperty({ example: '2013-01-15', description: 'First day of the employment' })
  @IsCivilDate()
  date!: string;
}

export class EmploymentStartedDto extends RecordedFactDto {
  @ApiProperty({ example: '7K3M9Q2XHD4B', description: 'Issued by the ledger; name it to end the employment' })
  employmentId!: string;
}
