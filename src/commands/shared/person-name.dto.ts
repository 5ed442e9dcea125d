import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

const part = (field: string) => [
  IsString(),
  Length(1, 100),
  Matches(/\S/, { message: `${field} must not be blank` }),
];

const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) =>
  decorators.forEach((decorator) => decorator(target, key));

/** The four-part name (الاسم الرباعي) with an optional Latin transliteration. */
export class PersonNameDto {
  @ApiProperty({ example: 'مريم' })
  @apply(part('given'))
  given!: string;

  @ApiProperty({ example: 'علي' })
  @apply(part('father'))
  father!: string;

  @ApiProperty({ example: 'حسن' })
  @apply(part('grandfather'))
  grandfather!: string;

  @ApiProperty({ example: 'الورفلي' })
  @apply(part('family'))
  family!: string;

  @ApiPropertyOptional({ example: 'Maryam Ali Hasan Al-Warfalli' })
  @IsOptional()
  @apply(part('latin'))
  latin?: string;
}

/** A mother's name as registers hold it: the father's and grandfather's names may be missing. */
export class MotherNameDto {
  @ApiProperty({ example: 'خديجة' })
  @apply(part('given'))
  given!: string;

  @ApiPropertyOptional({ example: 'عمر' })
  @IsOptional()
  @apply(part('father'))
  father?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @apply(part('grandfather'))
  grandfather?: string;

  @ApiProperty({ example: 'المسماري' })
  @apply(part('family'))
  family!: string;
}
