import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { EducationStatus } from '../../domain/person/person-events';
import { IsCivilDate } from '../../http/field-validators';
import { IsText } from '../shared/text-fields';

const statuses: EducationStatus[] = ['enrolled', 'completed', 'left'];

export class RecordEducationDto {
  @ApiProperty({ example: 6, minimum: 0, maximum: 8, description: 'ISCED 2011 level: 0 early childhood … 6 bachelor, 7 master, 8 doctoral' })
  @IsInt()
  @Min(0)
  @Max(8)
  level!: number;

  @ApiProperty({ example: 'University of Benghazi' })
  @IsText()
  institution!: string;

  @ApiPropertyOptional({ example: 'Civil engineering' })
  @IsOptional()
  @IsText()
  field?: string;

  @ApiProperty({ enum: statuses, example: 'completed' })
  @IsIn(statuses)
  status!: EducationStatus;

  @ApiProperty({ example: '2012-06-30', description: 'When the person enrolled, completed or left' })
  @IsCivilDate()
  date!: string;
}
