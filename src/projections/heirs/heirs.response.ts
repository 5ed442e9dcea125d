import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PersonEventType } from '../../domain/person/person-events';
import type { PersonName } from '../../domain/shared/person-name';
import { RelativeResponse } from '../family/family.response';
import { PersonNameResponse } from '../identity-view/identity-view.response';
import type { Evidence } from './heir-evidence';
import type { Heir, HeirRelation, HeirsView, PredeceasedLink } from './heirs';

/** OpenAPI shapes of the heirs; `implements` keeps them in step with the view's types. */

export class EvidenceResponse implements Evidence {
  @ApiProperty({ description: 'The person in whose stream the fact is recorded' }) nationalId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'BirthRegistered' }) type!: PersonEventType;
}

export class PredeceasedLinkResponse implements PredeceasedLink {
  @ApiProperty() nationalId!: string;
  @ApiProperty({ type: PersonNameResponse }) name!: PersonName;
  @ApiProperty() dateOfDeath!: string;
}

const relations: HeirRelation[] = ['spouse', 'child', 'descendant', 'mother', 'father', 'full-sibling', 'paternal-half-sibling', 'maternal-half-sibling'];

export class HeirResponse extends RelativeResponse implements Heir {
  @ApiProperty({ enum: relations }) relation!: HeirRelation;
  @ApiPropertyOptional({ description: 'Spouses: the marriage that lasted until the death' }) marriageId?: string;
  @ApiPropertyOptional({ type: [PredeceasedLinkResponse], description: "Descendants: the line of predeceased children from the deceased's child down to the heir's parent" })
  through?: PredeceasedLink[];
  @ApiPropertyOptional({ description: 'Born after the death, of a father who died at most the posthumous window before the birth' }) posthumous?: true;
  @ApiPropertyOptional({ description: 'Half siblings: one record leaves the other parent unknown' }) otherParentUnknown?: true;
  @ApiProperty({ type: [EvidenceResponse], description: 'The facts that prove the relation, the deaths in the line, and a later death of the heir' })
  evidence!: Evidence[];
}

export class HeirsResponse implements HeirsView {
  @ApiProperty() nationalId!: string;
  @ApiProperty({ type: PersonNameResponse }) name!: PersonName;
  @ApiProperty() dateOfDeath!: string;
  @ApiProperty({ type: EvidenceResponse }) death!: Evidence;
  @ApiProperty({ type: [HeirResponse], description: 'Spouses, children, descendants of predeceased children, parents, full then half siblings' }) heirs!: Heir[];
}
