/** Injection tokens for what the app is given rather than what it builds. */
export const EVENT_STORE = Symbol('EventStore');
export const POLICY = Symbol('JurisdictionPolicy');
/** The ReadModelStore the projections write and the query handlers read. */
export const READ_MODELS = Symbol('ReadModelStore');
