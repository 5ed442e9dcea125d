/**
 * Who asks and when. Time arrives here, never from a clock inside the domain, so that replaying
 * the same commands gives the same answer.
 */
export interface CommandMetadata {
  /** The instant the command is handled (ISO 8601 UTC). */
  now: string;
  /** The agency client (registrar, supervisor) that sends the command. */
  registrar: string;
  /** The registration office code, for registrars and supervisors bound to one. */
  office?: string;
  /** The area the office serves (gazetteer code); jurisdiction rules compare against it. */
  officeArea?: string;
  idempotencyKey?: string;
}
