import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, ValidateBy } from 'class-validator';
import { DomainError } from '../../domain/shared/domain-error';
import { parseNationalId } from '../../domain/shared/national-id';
import { IsAreaCode, IsCivilDate } from '../../http/field-validators';
import { IsText } from '../shared/text-fields';

/** The first malformed ID in the list, in the value object's words naming its index (`spouses[1]`). */
function firstBadId(value: unknown, property: string): string | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const [i, id] of value.entries()) {
    try {
      parseNationalId(id, `${property}[${i}]`);
    } catch (error) {
      return error instanceof DomainError ? error.message : String(error);
    }
  }
  return undefined;
}

const AreNationalIds = () =>
  ValidateBy({
    name: 'isNationalId',
    validator: {
      validate: (value, args) => firstBadId(value, args?.property ?? '') === undefined,
      defaultMessage: (args) => firstBadId(args?.value, args?.property ?? '') ?? '',
    },
  });

export class RegisterMarriageDto {
  @ApiProperty({
    type: [String],
    minItems: 2,
    maxItems: 2,
    example: ['398765432103', '412345678904'],
    description: 'National IDs of the two spouses, in any order',
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'spouses must name exactly two persons' })
  @ArrayMaxSize(2, { message: 'spouses must name exactly two persons' })
  @ArrayUnique({ message: 'spouses must name two different persons' })
  @AreNationalIds()
  spouses!: [string, string];

  @ApiProperty({ example: '2026-10-01', description: 'Civil date of the marriage contract' })
  @IsCivilDate()
  date!: string;

  @ApiProperty({ example: 'LY-BA-03', description: 'Area code where the marriage was contracted' })
  @IsAreaCode()
  place!: string;

  @ApiProperty({ example: 'Benghazi court 2026/881' })
  @IsText()
  contractReference!: string;
}
