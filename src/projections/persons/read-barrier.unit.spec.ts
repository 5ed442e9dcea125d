import { WritePositions } from '../../commands/shared/write-positions';
import { ProblemException } from '../../http/problem';
import { ProjectionProgress, ProjectionTimeout } from '../../read-models/engine/projection-progress';
import { OwnWritesBarrier } from './read-barrier';

/** A stand-in for the engine's progress: records what was waited for, times out when told to. */
function progress(timeout = false) {
  const waited: number[] = [];
  const fake = {
    waited,
    async waitFor(position: number) {
      waited.push(position);
      if (timeout) throw new ProjectionTimeout(position, ['persons']);
    },
  };
  return fake as unknown as ProjectionProgress & { waited: number[] };
}

const registrar = { clientId: 'c1', role: 'registrar' as const };

describe('read-your-writes barrier', () => {
  it('does not wait for a reader who wrote nothing', async () => {
    const engine = progress();
    await new OwnWritesBarrier(new WritePositions(), engine).wait(registrar);
    expect(engine.waited).toEqual([]);
  });

  it("waits for the reader's own last write once, then forgets it", async () => {
    const positions = new WritePositions();
    positions.wrote('c1', 7);
    positions.wrote('c1', 5);
    positions.wrote('c2', 9);
    const engine = progress();
    const barrier = new OwnWritesBarrier(positions, engine);
    await barrier.wait(registrar);
    await barrier.wait(registrar);
    expect(engine.waited).toEqual([7]);
    expect(positions.of('c2')).toBe(9);
  });

  it('answers 503 when the projection does not reach the write in time', async () => {
    const positions = new WritePositions();
    positions.wrote('c1', 3);
    const error = await new OwnWritesBarrier(positions, progress(true)).wait(registrar).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).problem).toMatchObject({ status: 503, type: 'urn:sijil:error:READ_MODEL.BEHIND' });
    expect(positions.of('c1')).toBe(3);
  });
});
