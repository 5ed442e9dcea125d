import { READ_MODELS } from '../../src/app/tokens';
import { ProjectionProgress } from '../../src/read-models/engine/projection-progress';
import type { ReadModelStore } from '../../src/read-models/read-model.port';
import { enrol } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

/** The app runs the registry's projections: a read after a command can wait for them, and /health and /metrics report their lag. */
describe('read side in the app', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('sees a command once the projections caught up, and reports lag in /health and /metrics', async () => {
    await enrol(t);
    await t.app.get(ProjectionProgress).waitForHead();
    const stats = await t.app.get<ReadModelStore>(READ_MODELS).get('log-stats', 'PersonEnrolled');
    expect(stats).toMatchObject({ count: 1 });

    const health = await t.request('GET', '/health', { as: null as unknown as string });
    expect(health.body.projections).toContainEqual(
      expect.objectContaining({ projection: 'log-stats', version: 1, status: 'live', events: 0, seconds: 0, checkpoint: stats?.lastPosition }),
    );
    expect(health.body.projections).toContainEqual(
      expect.objectContaining({ projection: 'population', version: 2, status: 'live' }),
    );
    const metrics = String((await t.request('GET', '/metrics')).body);
    expect(metrics).toContain('sijil_projection_lag_events{projection="log-stats"} 0');
    expect(metrics).toContain('sijil_projection_lag_seconds{projection="log-stats"} 0');
  });
});
