/**
 * The REST-only stream app: the task app (task-scenario.ts) plus one streamed text answer, so its
 * bundle proves the engine, the transport, error mapping and `stream()` over SSE.
 */
import { runTaskScenario, type ScenarioTarget, type TaskReport } from './task-scenario';

export type { ScenarioTarget } from './task-scenario';

export interface ScenarioReport extends TaskReport {
  stream: { tokens: number; text: string; finishReason: unknown };
}

export function runRestOnlyScenario(target: ScenarioTarget): Promise<ScenarioReport> {
  return runTaskScenario(target, async (client) => {
    const stream = await client.stream({
      model: 'google:gemma@4-31b',
      messages: [{ role: 'user', content: 'Say hello from the edge' }],
    });
    let tokens = 0;
    for await (const _token of stream.textStream) tokens += 1;
    const answer = await stream.result();
    return { stream: { tokens, text: answer.text, finishReason: answer.finishReason } };
  });
}
