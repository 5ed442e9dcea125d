import { ApiProperty } from '@nestjs/swagger';

/** What a command that records a fact about a person answers (201), for OpenAPI. */
export class RecordedFactDto {
  @ApiProperty({ example: '412345678904' })
  nationalId!: string;

  @ApiProperty({ example: ['019a8f3c-5b2e-7d41-9c3a-2f6e8b1d4a70'], description: 'The facts recorded, in the person’s stream' })
  eventIds!: string[];
}
