import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldChange, PersonEvent } from '../../domain/person/person-events';
import type { AnnulmentView, CorrectionView, HistoryEntry, HistoryView } from './history-view';

/** OpenAPI shapes of the history; `implements` keeps them in step with the view's types. */

export class FieldChangeResponse implements FieldChange {
  @ApiProperty({ example: 'dateOfBirth' }) field!: string;
  @ApiProperty({ example: '1961-03-01' }) from!: unknown;
  @ApiProperty({ example: '1961-03-10' }) to!: unknown;
}

export class AnnulmentResponse implements AnnulmentView {
  @ApiProperty({ description: 'The RegistrationAnnulled event' }) by!: string;
  @ApiProperty() courtReference!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() date!: string;
  @ApiProperty() recordedAt!: string;
}

export class CorrectionResponse implements CorrectionView {
  @ApiProperty({ description: 'The RecordCorrected event' }) eventId!: string;
  @ApiProperty({ type: [FieldChangeResponse] }) changes!: FieldChange[];
  @ApiProperty() reason!: string;
  @ApiProperty() authorityReference!: string;
  @ApiProperty({ type: [String] }) documents!: string[];
  @ApiProperty() date!: string;
  @ApiProperty() recordedAt!: string;
  @ApiPropertyOptional({ type: AnnulmentResponse, description: 'An annulled correction no longer applies' }) annulled?: AnnulmentView;
}

export class HistoryEntryResponse implements HistoryEntry {
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'BirthRegistered' }) type!: PersonEvent['type'];
  @ApiProperty({ example: '1961', description: 'The date as it now stands, with its recorded precision' }) occurredOn!: string;
  @ApiProperty({ example: '2026-11-22T09:00:00.000Z' }) recordedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The fact as recorded, before corrections' }) data!: PersonEvent['data'];
  @ApiPropertyOptional({ type: [CorrectionResponse] }) corrections?: CorrectionView[];
  @ApiPropertyOptional({ type: AnnulmentResponse, description: 'The fact stays in the history but no longer counts' }) annulled?: AnnulmentView;
}

export class HistoryResponse implements HistoryView {
  @ApiProperty() nationalId!: string;
  @ApiProperty({ type: [HistoryEntryResponse] }) events!: HistoryEntry[];
}
