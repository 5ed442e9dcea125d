// Placeholder so the contracts compile; the domain work replaces it with the real state and evolve.
export type PersonState = { status: string; nationalId?: string };
