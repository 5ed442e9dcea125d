import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmptyObject, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { CertifierKind } from '../../domain/person/person-events';
import { IsAreaCode, IsCivilDate } from '../../http/field-validators';

const certifierKinds: CertifierKind[] = ['hospital', 'forensic-medicine', 'physician', 'court'];

export class CertifierDto {
  @ApiProperty({ enum: certifierKinds })
  @IsIn(certifierKinds)
  kind!: CertifierKind;

  @ApiProperty({ example: 'BGH-2026-1123' })
  @IsString()
  @Length(1, 200)
  reference!: string;
}

export class RegisterDeathDto {
  @ApiProperty({ example: '2026-11-01' })
  @IsCivilDate()
  dateOfDeath!: string;

  @ApiProperty({ example: 'LY-BA-03' })
  @IsAreaCode()
  placeOfDeath!: string;

  @ApiProperty({ example: 'I21.9', description: 'ICD-10 code of the underlying cause' })
  @Matches(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, { message: 'causeIcd10 must be an ICD-10 code such as I21.9' })
  causeIcd10!: string;

  @ApiProperty({ type: CertifierDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => CertifierDto)
  certifier!: CertifierDto;
}
