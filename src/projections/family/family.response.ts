import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PersonName } from '../../domain/shared/person-name';
import { PersonNameResponse, SpouseResponse } from '../identity-view/identity-view.response';
import type { SpouseView } from '../identity-view/spouses-view';
import type { ParentRole, SiblingKind } from './kinfolk';
import type { ChildView, FamilyView, ParentView, RelativeView, SiblingView } from './family-view';

/** OpenAPI shapes of the family graph; `implements` keeps them in step with the view's types. */

export class RelativeResponse implements RelativeView {
  @ApiProperty({ example: '412345678904' }) nationalId!: string;
  @ApiPropertyOptional({ type: PersonNameResponse, description: 'Absent when no record of the relative counts at the read point' }) name?: PersonName;
  @ApiPropertyOptional({ enum: ['F', 'M'] }) sex?: 'F' | 'M';
  @ApiPropertyOptional({ example: '1961' }) dateOfBirth?: string;
  @ApiPropertyOptional({ enum: ['alive', 'deceased'] }) status?: 'alive' | 'deceased';
  @ApiPropertyOptional() dateOfDeath?: string;
}

export class ParentResponse extends RelativeResponse implements ParentView {
  @ApiProperty({ enum: ['mother', 'father'] }) role!: ParentRole;
}

export class ChildResponse extends RelativeResponse implements ChildView {
  @ApiProperty({ enum: ['mother', 'father'], description: "The role in which the child's record names this person" }) as!: ParentRole;
  @ApiPropertyOptional({ description: "The other parent the child's record names" }) otherParentId?: string;
}

export class SiblingResponse extends RelativeResponse implements SiblingView {
  @ApiProperty({ enum: ['full', 'paternal-half', 'maternal-half'] }) kind!: SiblingKind;
  @ApiProperty({ enum: ['mother', 'father'], isArray: true }) sharedParents!: ParentRole[];
  @ApiPropertyOptional({ description: 'Half only: one record leaves the other parent unknown, so half is not proven' }) otherParentUnknown?: true;
}

export class FamilyResponse implements FamilyView {
  @ApiProperty() nationalId!: string;
  @ApiProperty({ type: [ParentResponse] }) parents!: ParentView[];
  @ApiProperty({ type: [ChildResponse], description: 'Oldest first' }) children!: ChildView[];
  @ApiProperty({ type: [SpouseResponse], description: 'Current and past marriages with how each ended; annulled ones left out' }) spouses!: SpouseView[];
  @ApiProperty({ type: [SiblingResponse], description: 'Full and half, oldest first' }) siblings!: SiblingView[];
}
