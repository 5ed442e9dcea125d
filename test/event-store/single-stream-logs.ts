import { SingleStreamLog } from '../../src/event-store/multi-stream-transaction/single-stream-log';

/**
 * Only what EventStoreDB offers: appends to one stream at a time, nothing across streams. Given a
 * full EventStore, hides its `appendToStreams` so the decorator cannot lean on it.
 */
export const singleStreamOnly = (store: SingleStreamLog): SingleStreamLog => ({
  appendToStream: (streamId, events, options) => store.appendToStream(streamId, events, options),
  readStream: (streamId, options) => store.readStream(streamId, options),
  readAll: (options) => store.readAll(options),
  subscribeToAll: (options) => store.subscribeToAll(options),
  close: () => store.close(),
});

export class ProcessDied extends Error {
  constructor() {
    super('the process died');
  }
}

/**
 * The log as a process sees it that dies after `appends` appends: the next append and every
 * later one never reach the log. Whatever reached it stays, as after a real crash.
 */
export function dyingAfter(log: SingleStreamLog, appends: number): SingleStreamLog {
  let left = appends;
  return {
    ...singleStreamOnly(log),
    appendToStream: (streamId, events, options) =>
      left-- > 0 ? log.appendToStream(streamId, events, options) : Promise.reject(new ProcessDied()),
  };
}

