import { isoDay, type Day } from './civil-days';
import type { SynthCommand, SynthStep } from './synth-step';

interface Pending {
  day: Day;
  order: number;
  command: SynthCommand;
}

/** Office hours are not modelled: a day's facts are recorded at its noon, in stream order. */
const instantOf = (day: Day) => `${isoDay(day)}T12:00:00.000Z`;

/**
 * The commands generated but not yet emitted. A fact is generated when it happens and recorded
 * days (or years) later, so the stream comes out of here sorted by registration day.
 */
export class StepQueue {
  /** Commands emitted, by type. */
  readonly recorded: Partial<Record<SynthCommand['type'], number>> = {};
  private pending: Pending[] = [];
  private order = 0;
  private seq = 0;

  /** How many commands were scheduled: the next one's place in creation order. */
  get created(): number {
    return this.order;
  }

  get size(): number {
    return this.pending.length;
  }

  schedule(day: Day, command: SynthCommand): void {
    this.pending.push({ day, order: this.order++, command });
  }

  /** Emits the pending commands recorded before `until`, in (day, creation) order. */
  *release(until: Day): Generator<SynthStep> {
    this.pending.sort((a, b) => a.day - b.day || a.order - b.order);
    let i = 0;
    for (; i < this.pending.length && this.pending[i]!.day < until; i++) {
      const { day, command } = this.pending[i]!;
      this.recorded[command.type] = (this.recorded[command.type] ?? 0) + 1;
      yield { seq: this.seq++, at: instantOf(day), command };
    }
    this.pending = this.pending.slice(i);
  }

  /** Forgets what is still pending: the register's backlog at the end. */
  clear(): void {
    this.pending = [];
  }
}
