import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EducationStatus, Residency, Sex } from '../../domain/person/person-events';
import type { MotherName, PersonName } from '../../domain/shared/person-name';
import type { EducationView, EmploymentView, IdentityCardView, IdentityView } from './identity-view';
import type { MaritalStatus, MarriageEnd, SpouseView } from './spouses-view';

/** OpenAPI shapes of the identity view; `implements` keeps them in step with the view's types. */

export class PersonNameResponse implements PersonName {
  @ApiProperty({ example: 'مريم' }) given!: string;
  @ApiProperty({ example: 'علي' }) father!: string;
  @ApiProperty({ example: 'حسن' }) grandfather!: string;
  @ApiProperty({ example: 'الورفلي' }) family!: string;
  @ApiPropertyOptional({ example: 'Maryam Ali Hasan Al-Warfalli' }) latin?: string;
}

export class MotherNameResponse implements MotherName {
  @ApiProperty() given!: string;
  @ApiPropertyOptional() father?: string;
  @ApiPropertyOptional() grandfather?: string;
  @ApiProperty() family!: string;
}

export class MarriageEndResponse {
  @ApiProperty({ enum: ['divorce', 'death-of-spouse'] }) how!: MarriageEnd['how'];
  @ApiProperty({ example: '2027-02-01' }) date!: string;
  @ApiPropertyOptional({ description: 'Divorce only' }) courtReference?: string;
  @ApiPropertyOptional({ description: 'Divorce only: the DivorceRegistered fact' }) eventId?: string;
}

export class SpouseResponse implements SpouseView {
  @ApiProperty() marriageId!: string;
  @ApiProperty({ example: '398765432103' }) spouseId!: string;
  @ApiPropertyOptional({ type: PersonNameResponse }) spouseName?: PersonName;
  @ApiProperty({ example: '2026-10-01' }) date!: string;
  @ApiProperty({ example: 'LY-BA-03' }) place!: string;
  @ApiProperty({ example: 'Benghazi court 2026/881' }) contractReference!: string;
  @ApiProperty({ description: 'The MarriageRegistered fact' }) eventId!: string;
  @ApiProperty({ enum: ['current', 'divorced', 'widowed'], description: 'For a deceased person, current means it lasted until their death' })
  status!: SpouseView['status'];
  @ApiPropertyOptional({ type: MarriageEndResponse }) ended?: MarriageEnd;
}

export class ParentsResponse {
  @ApiPropertyOptional() motherId?: string;
  @ApiPropertyOptional() fatherId?: string;
  @ApiPropertyOptional({ type: MotherNameResponse }) motherName?: MotherName;
}

export class EducationResponse implements EducationView {
  @ApiProperty({ minimum: 0, maximum: 8, description: 'ISCED 2011 level' }) level!: number;
  @ApiProperty() institution!: string;
  @ApiPropertyOptional() field?: string;
  @ApiProperty({ enum: ['enrolled', 'completed', 'left'] }) status!: EducationStatus;
  @ApiProperty() date!: string;
}

export class EducationSummaryResponse {
  @ApiProperty({ type: EducationResponse }) latest!: EducationView;
  @ApiPropertyOptional() highestCompletedLevel?: number;
}

export class EmploymentResponse implements EmploymentView {
  @ApiProperty() employmentId!: string;
  @ApiProperty() employer!: string;
  @ApiProperty({ description: 'ISCO-08 code' }) occupation!: string;
  @ApiProperty({ enum: ['public', 'private', 'self-employed', 'non-profit'] }) sector!: EmploymentView['sector'];
  @ApiProperty() since!: string;
}

export class IdentityCardResponse implements IdentityCardView {
  @ApiProperty() cardNumber!: string;
  @ApiProperty() issuedOn!: string;
  @ApiProperty() expiresOn!: string;
  @ApiProperty() office!: string;
}

export class AbroadResponse {
  @ApiProperty() country!: string;
  @ApiProperty() since!: string;
}

export class RegistrationResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty({ enum: ['BirthRegistered', 'PersonEnrolled'] }) type!: IdentityView['registration']['type'];
}

export class IdentityViewResponse implements IdentityView {
  @ApiProperty({ example: '412345678904' }) nationalId!: string;
  @ApiProperty({ type: PersonNameResponse }) name!: PersonName;
  @ApiProperty({ enum: ['F', 'M'] }) sex!: Sex;
  @ApiProperty({ example: '1961', description: 'YYYY, YYYY-MM or YYYY-MM-DD: a partial date keeps its precision' }) dateOfBirth!: string;
  @ApiProperty({ example: 'LY-BA-01' }) placeOfBirth!: string;
  @ApiProperty({ enum: ['alive', 'deceased'] }) status!: IdentityView['status'];
  @ApiPropertyOptional() dateOfDeath?: string;
  @ApiPropertyOptional() placeOfDeath?: string;
  @ApiProperty({ enum: ['single', 'married', 'divorced', 'widowed'] }) maritalStatus!: MaritalStatus;
  @ApiProperty({ type: [SpouseResponse], description: 'Current and past marriages; annulled ones are left out' }) spouses!: SpouseView[];
  @ApiProperty({ type: ParentsResponse }) parents!: IdentityView['parents'];
  @ApiProperty({ enum: ['citizen', 'resident', 'visitor'] }) residency!: Residency;
  @ApiPropertyOptional({ description: 'Area code, once a residence change or immigration is recorded' }) residence?: string;
  @ApiPropertyOptional({ type: AbroadResponse }) abroad?: IdentityView['abroad'];
  @ApiProperty({ example: 'LY', description: 'Nationality at registration' }) nationality!: string;
  @ApiProperty({ type: [String] }) nationalities!: string[];
  @ApiPropertyOptional({ type: EducationSummaryResponse }) education?: IdentityView['education'];
  @ApiProperty({ type: [EmploymentResponse], description: 'Employments not ended' }) employment!: EmploymentView[];
  @ApiPropertyOptional({ type: IdentityCardResponse, description: 'The valid card on the day read' }) identityCard?: IdentityCardView;
  @ApiProperty({ type: RegistrationResponse }) registration!: IdentityView['registration'];
}
