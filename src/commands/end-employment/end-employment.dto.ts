import { ApiProperty } from '@nestjs/swagger';
import { IsCivilDate } from '../../http/field-validators';
import { IsText } from '../shared/text-fields';

export class EndEmploymentDto {
  @ApiProperty({ example: '2024-03-31', description: 'Last day of the employment' })
  @IsCivilDate()
  date!: string;

  @ApiProperty({ example: 'resigned' })
  @IsText()
  reason!: string;
}
