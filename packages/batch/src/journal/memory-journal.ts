import type { BatchJournal } from './batch-journal';
import { createJournalReplay } from './journal-replay';

/**
 * A journal in memory: what `runBatch` uses without one. Nothing survives the process; use
 * `createFileJournal` to resume after a crash.
 */
export function createMemoryJournal(): BatchJournal {
  const replay = createJournalReplay();
  return {
    load: async () => replay.state,
    assign: async (index, taskUUID, fingerprint) => replay.record(index, { taskUUID, fingerprint }),
    finish: (index, status) => replay.record(index, status),
    flush: async () => {},
    close: async () => {},
  };
}
