import { DomainError } from '../shared/domain-error';

/** A decider as Emmett shapes one: decide from state, evolve state by event, start state. */
export interface Decider<Command, Event, State> {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: State;
}

/**
 * `given(events).when(command).then(events)` or `.thenThrows(code)`, in the style of Emmett's
 * DeciderSpecification: a rule's test reads as the history, the request and the verdict.
 */
export function deciderSpecification<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: Event[]) {
      const state = events.reduce(decider.evolve, decider.initialState);
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: Event[]) {
              expect(run()).toEqual(expected);
            },
            /** The refusal's stable code, and optionally its kind and details (matched partially). */
            thenThrows(code: string, expected: { kind?: DomainError['kind']; details?: Record<string, unknown> } = {}): void {
              let error: unknown;
              try {
                run();
              } catch (thrown) {
                error = thrown;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect(error).toMatchObject({ code, ...expected });
            },
          };
        },
      };
    },
  };
}
