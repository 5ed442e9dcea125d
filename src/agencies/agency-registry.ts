import { newEventId } from '../event-store/event-id';
import type { EventStore } from '../event-store/event-store.port';
import type { Agency } from './agency';
import { issueCredential, parseCredential, secretMatches } from './credential';

/** Agencies live in the log itself, so they work on every store and their history is kept. */
export const agenciesStream = '$agencies';

interface AgencyRegistered {
  agency: Agency;
  secretHash: string;
}

export class AgencyRegistry {
  private readonly known = new Map<string, AgencyRegistered>();
  /**
   * Credentials already proven, at most one per agency: an agency's next request costs a lookup,
   * not a SHA-256 (about 3% of a birth's CPU). A credential not proven yet is still hashed and
   * compared in constant time; a hit reveals only what the 200 would.
   */
  private readonly proven = new Map<string, Agency>();
  private nextRevision = 0;

  constructor(private readonly store: EventStore) {}

  /** Records a new agency client and returns its credential: the only time it is ever shown. */
  async register(agency: Omit<Agency, 'clientId'>): Promise<{ agency: Agency; credential: string }> {
    const { clientId, credential, secretHash } = issueCredential();
    const registered: AgencyRegistered = { agency: { clientId, ...agency }, secretHash };
    await this.store.appendToStream(
      agenciesStream,
      [{ id: newEventId(), type: 'AgencyRegistered', data: registered, metadata: { schemaVersion: 1 } }],
      { expectedRevision: 'any' },
    );
    return { agency: registered.agency, credential };
  }

  /** The agency a bearer credential belongs to, or undefined when it is unknown or wrong. */
  async authenticate(credential: string): Promise<Agency | undefined> {
    const proven = this.proven.get(credential);
    if (proven) return proven;
    const parsed = parseCredential(credential);
    if (!parsed) return undefined;
    // An agency added by `sijil agencies add` while the server runs is found on first use.
    if (!this.known.has(parsed.clientId)) await this.refresh();
    const entry = this.known.get(parsed.clientId);
    if (!entry || !secretMatches(parsed.secret, entry.secretHash)) return undefined;
    this.proven.set(credential, entry.agency);
    return entry.agency;
  }

  async list(): Promise<Agency[]> {
    await this.refresh();
    return [...this.known.values()].map((entry) => entry.agency);
  }

  private async refresh(): Promise<void> {
    const events = await this.store.readStream(agenciesStream, { fromRevision: this.nextRevision });
    for (const event of events) {
      const registered = event.data as AgencyRegistered;
      this.known.set(registered.agency.clientId, registered);
      this.nextRevision = event.revision + 1;
    }
  }
}
