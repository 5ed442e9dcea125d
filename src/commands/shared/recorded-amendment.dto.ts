import { ApiPropertyOptional } from '@nestjs/swagger';
import { RecordedFactDto } from './recorded-fact.dto';

/** What a correction or annulment answers (201), for OpenAPI. */
export class RecordedAmendmentDto extends RecordedFactDto {
  @ApiPropertyOptional({
    type: RecordedFactDto,
    description: "For a marriage or divorce: the same amendment recorded in the spouse's stream, on the spouse's copy of the fact",
  })
  counterpart?: RecordedFactDto;
}
