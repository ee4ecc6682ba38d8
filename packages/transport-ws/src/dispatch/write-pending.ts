import type { TaskPayload } from '@runware/core';
import type { RequestTable } from './request-table';

/** Writes one frame on the current socket; false when there is none or the write failed. */
export type WriteFrame = (tasks: TaskPayload[]) => boolean;

/**
 * Writes what waits for a socket: the queued submits, one frame per send() as the caller batched
 * them, then one frame with the caller's getResponse polls not yet written on this socket.
 */
export function writePending(table: RequestTable, write: WriteFrame): void {
  for (const batch of table.queuedBatches()) {
    // Marked before the write: a socket that dies during it leaves them unsure, so they are probed.
    table.markSent(batch);
    if (!write(batch.map((entry) => entry.task))) {
      table.writeFailed(batch);
      return;
    }
    for (const entry of batch) table.armAck(entry);
  }
  const due = table.duePolls();
  if (due.length > 0 && write(due.map((taskUUID) => ({ taskType: 'getResponse', taskUUID }))))
    table.markPollsSent(due);
}
