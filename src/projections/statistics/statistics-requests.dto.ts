import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsAreaCode, IsCivilDate } from '../../http/field-validators';

export class PopulationQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'The population at the end of this day' })
  @IsCivilDate()
  date!: string;

  @ApiPropertyOptional({ example: 'age5,sex', description: 'Any of age1 or age5, sex, area (default age5,sex)' })
  @IsOptional()
  @Matches(/^(age1|age5|sex|area)(,(age1|age5|sex|area))*$/, { message: 'by must list age1 or age5, sex and area, separated by commas' })
  by?: string;

  @ApiPropertyOptional({ example: 'LY-BA', description: 'An area and every area within it; the nation when absent' })
  @IsOptional()
  @IsAreaCode()
  area?: string;
}

export class RatesQueryDto {
  @ApiProperty({ example: '2025-01-01', description: 'First day of the period' })
  @IsCivilDate()
  from!: string;

  @ApiProperty({ example: '2025-12-31', description: 'Last day of the period' })
  @IsCivilDate()
  to!: string;

  @ApiPropertyOptional({ example: 'LY-BA' })
  @IsOptional()
  @IsAreaCode()
  area?: string;
}
