import { openDurableAppender } from '../files/durable-appender';
import { fileExists, readLines, repairTornTail } from '../files/read-lines';
import type { BatchJournal, JournalState } from './batch-journal';
import { createJournalReplay, finishTag, parseJournalLine } from './journal-replay';

export interface FileJournalOptions {
  /**
   * fsync each group of records before a task is sent (default true). Off, a `kill -9` still loses
   * nothing (the OS has every write); a power cut can lose the last records, and their tasks would
   * then be sent again.
   */
  durable?: boolean;
}

/**
 * A journal in an append-only file of JSON lines that survives `kill -9`: assignments are written
 * and fsynced (grouped: one write and one fsync for all the tasks that start together) before their
 * tasks are sent; a torn last line is cut off when the file is opened again. Never holds params,
 * results or the API key: an index, a taskUUID and a fingerprint of the params per task.
 */
export function createFileJournal(
  path: string,
  options: FileJournalOptions = {},
): BatchJournal & { readonly stats: { writes: number; syncs: number; bytes: number } } {
  const replay = createJournalReplay();
  let appender: Awaited<ReturnType<typeof openDurableAppender>> | undefined;
  const opened = (): NonNullable<typeof appender> => {
    if (!appender) throw new Error('the journal is not loaded: call load() first');
    return appender;
  };
  return {
    get stats() {
      return appender?.stats ?? { writes: 0, syncs: 0, bytes: 0 };
    },
    async load(): Promise<JournalState> {
      if (await fileExists(path)) {
        await repairTornTail(path);
        for await (const { text } of readLines(path)) {
          const record = parseJournalLine(text);
          if (record) replay.apply(record);
        }
      }
      appender = await openDurableAppender(path, options);
      return replay.state;
    },
    assign(index, taskUUID, fingerprint) {
      return opened().append(`{"t":"a","i":${index},"u":${JSON.stringify(taskUUID)},"f":${fingerprint}}\n`);
    },
    finish(index, status) {
      opened().appendLater(`{"t":"${finishTag[status]}","i":${index}}\n`);
    },
    flush: () => opened().flush(),
    close: async () => {
      await appender?.close();
    },
  };
}
