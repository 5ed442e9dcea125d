import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsCivilDate } from '../../http/field-validators';
import { IsText } from '../shared/text-fields';

export class FieldChangeDto {
  @ApiProperty({ example: 'dateOfBirth', description: 'A top-level field of the corrected fact' })
  @IsString()
  @Length(1, 100)
  field!: string;

  @ApiProperty({
    example: '1961-04-12',
    description: "The field's corrected value, in the shape the fact holds it (a string, a number or a name object)",
  })
  @IsDefined({ message: 'to must be given (the corrected value)' })
  to!: unknown;
}

export class CorrectRecordDto {
  @ApiProperty({ example: '0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', description: 'ID of the fact to correct, as the history lists it' })
  @IsUUID('all')
  eventId!: string;

  @ApiProperty({ type: [FieldChangeDto], example: [{ field: 'dateOfBirth', to: '1961-04-12' }] })
  @IsArray()
  @ArrayMinSize(1, { message: 'changes must name at least one field' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FieldChangeDto)
  changes!: FieldChangeDto[];

  @ApiProperty({ example: 'Clerical error in the 1961 register transcription' })
  @IsText(500)
  reason!: string;

  @ApiProperty({ example: 'Civil status authority decision 2026/77' })
  @IsText()
  authorityReference!: string;

  @ApiPropertyOptional({ type: [String], example: ['Benghazi family register 12, page 40 (scan)'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  documents?: string[];

  @ApiPropertyOptional({ example: '2026-11-22', description: 'Civil date of the correction; defaults to today' })
  @IsOptional()
  @IsCivilDate()
  date?: string;
}
