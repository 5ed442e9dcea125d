/** The roles of DOMAIN.md's "Who uses it"; each route names the roles it allows. */
export const roles = [
  'registrar',
  'supervisor',
  'court',
  'verifier',
  'statistician',
  'citizen',
  'administrator',
] as const;
export type Role = (typeof roles)[number];

/** An agency client: one credential, one role, and where relevant its office or its person. */
export interface Agency {
  clientId: string;
  name: string;
  role: Role;
  /** Registration office code (registrars; supervisors bound to an office). */
  office?: string;
  /** Area the office serves, or the area a statistician may see. */
  area?: string;
  /** The citizen's own national ID. */
  nationalId?: string;
  registeredAt: string;
}
