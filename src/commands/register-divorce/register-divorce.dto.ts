import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { IsCivilDate } from '../../http/field-validators';

export class RegisterDivorceDto {
  @ApiProperty({ example: '2027-02-01', description: 'Civil date of the divorce; on or after the marriage' })
  @IsCivilDate()
  date!: string;

  @ApiProperty({ example: 'Benghazi court 2027/102' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'courtReference must not be blank' })
  courtReference!: string;
}
