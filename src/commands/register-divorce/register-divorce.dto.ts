import { ApiProperty } from '@nestjs/swagger';
import { IsCivilDate } from '../../http/field-validators';
import { IsText } from '../shared/text-fields';

export class RegisterDivorceDto {
  @ApiProperty({ example: '2027-02-01', description: 'Civil date of the divorce; on or after the marriage' })
  @IsCivilDate()
  date!: string;

  @ApiProperty({ example: 'Benghazi court 2027/102' })
  @IsText()
  courtReference!: string;
}
