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
    const parsed = parseCredential(credential);
    if (!parsed) return undefined;
    // An agency added by `sijil agencies add` while the server runs is found on first use.
    if (!this.known.has(parsed.clientId)) await this.refresh();
    const entry = this.known.get(parsed.clientId);
    return entry && secretMatches(parsed.secret, entry.secretHash) ? entry.agency : undefined;
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
