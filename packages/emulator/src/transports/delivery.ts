import { type ApiErrorItem, apiError } from '../api-error';
import type { EmulatorContext } from '../context';
import type { TaskRecord } from '../state/task-store';

/** A finished slot as the sync and push paths send it: an item, or an error carrying the taskUUID. */
export type SlotOutcome = { item: Record<string, unknown> } | { error: ApiErrorItem };

export function slotOutcome(record: TaskRecord, index: number): SlotOutcome | undefined {
  const slot = record.slots[index];
  if (!slot || slot.state === 'processing') return undefined;
  if (slot.state === 'success') return { item: slot.item };
  return {
    error: apiError(slot.error.code, slot.error.message, {
      taskType: record.taskType,
      taskUUID: record.taskUUID,
    }),
  };
}

/**
 * Resolves with every slot's outcome once all are terminal, or with a timeout error for the
 * unfinished ones when the server's sync budget runs out.
 */
export function waitForRecord(ctx: EmulatorContext, record: TaskRecord): Promise<SlotOutcome[]> {
  const collect = () => record.slots.map((_, i) => slotOutcome(record, i));
  return new Promise((resolve) => {
    const finish = () => {
      record.listeners.delete(onChange);
      cancel();
      resolve(
        collect().map(
          (outcome) =>
            outcome ?? {
              error: apiError(
                'syncTimeout',
                'The task did not finish within the sync budget; use deliveryMethod async.',
                {
                  taskType: record.taskType,
                  taskUUID: record.taskUUID,
                },
              ),
            },
        ),
      );
    };
    const onChange = () => {
      if (ctx.tasks.isDone(record)) finish();
    };
    const cancel = ctx.scheduler.after(ctx.options.syncTimeoutMs, finish);
    record.listeners.add(onChange);
    onChange();
  });
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname) || url.hostname.startsWith('127.');
}

const webhookRetryDelaysMs = [100, 400, 1600];

/**
 * POSTs each finished item of a task to its webhookURL as `{data:[item]}` (or `{errors:[...]}`),
 * retrying a failed delivery three times. Only loopback receivers are called: the emulator sends
 * no traffic off this machine.
 */
export function deliverWebhooks(ctx: EmulatorContext, record: TaskRecord, target: string): void {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return;
  }
  const post = async (body: string) => {
    for (let attempt = 0; attempt <= webhookRetryDelaysMs.length; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        if (response.ok) {
          ctx.stats.webhooks.sent += 1;
          return;
        }
      } catch {
        // network error: retried below
      }
      const delay = webhookRetryDelaysMs[attempt];
      if (delay === undefined) break;
      await new Promise<void>((resolve) => ctx.scheduler.after(delay, resolve));
    }
    ctx.stats.webhooks.failed += 1;
  };
  const sent = new Set<number>();
  const onChange = (index: number) => {
    const outcome = slotOutcome(record, index);
    if (!outcome || sent.has(index)) return;
    sent.add(index);
    if (sent.size === record.slots.length) record.listeners.delete(onChange);
    if (!isLoopback(url)) {
      ctx.stats.webhooks.failed += 1;
      ctx.options.log(`webhook to ${url.host} skipped: the emulator only calls loopback receivers`);
      return;
    }
    void post(JSON.stringify('item' in outcome ? { data: [outcome.item] } : { errors: [outcome.error] }));
  };
  record.listeners.add(onChange);
}
