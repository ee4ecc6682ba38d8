import { costOf } from './cost';
import { finishItem, type JobInput, type JobPlan, numberResults } from './job-types';
import { resultSeed } from './output-fields';
import { type GeneratedText, generateText, promptOfMessages } from './text-generation';

/** Token budget of a text task: `settings.maxTokens` when given, else a short answer. */
export function maxTokensOf(task: Record<string, unknown>): number {
  const settings = (task.settings ?? {}) as Record<string, unknown>;
  const max = settings.maxTokens;
  return typeof max === 'number' && Number.isInteger(max) && max >= 1 ? Math.min(max, 2000) : 24;
}

export function wantsReasoning(task: Record<string, unknown>): boolean {
  const settings = (task.settings ?? {}) as Record<string, unknown>;
  return Boolean(settings.reasoning) || settings.thinkingLevel !== undefined;
}

/** The whole answer of result `index`, shared by textInference's sync/async items and its stream. */
export function textAnswer(input: JobInput, index: number): GeneratedText {
  const seed = resultSeed(input.ctx, input.task, input.taskUUID, index);
  return generateText(
    promptOfMessages(input.task.messages),
    seed,
    maxTokensOf(input.task),
    wantsReasoning(input.task),
  );
}

export function usageOf(answer: GeneratedText) {
  const completionTokens = answer.tokens.length;
  const thinkingTokens = answer.reasoning.length;
  return {
    promptTokens: answer.promptTokens,
    completionTokens,
    totalTokens: answer.promptTokens + completionTokens + thinkingTokens,
    ...(thinkingTokens > 0 ? { thinkingTokens } : {}),
  };
}

export function textInferenceJob(input: JobInput): JobPlan {
  return {
    slots: numberResults(input.task),
    reportsProgress: false,
    build(index) {
      const answer = textAnswer(input, index);
      const text = answer.tokens.join('');
      const usage = usageOf(answer);
      const finishReason = answer.tokens.length >= maxTokensOf(input.task) ? 'length' : 'stop';
      return finishItem(
        input,
        { text, finishReason, usage },
        costOf('textInference', input.task, { tokens: usage.totalTokens }),
      );
    },
  };
}

/** caption: a sentence about the input; promptEnhance: `promptVersions` rewrites of the prompt. */
export function captionJob(input: JobInput): JobPlan {
  return {
    slots: numberResults(input.task),
    reportsProgress: false,
    build(index) {
      const seed = resultSeed(input.ctx, input.task, input.taskUUID, index);
      const what = input.input?.kind === 'video' ? 'video' : 'image';
      const words = generateText(`${what} caption`, seed, 10, false).tokens.slice(4).join('');
      return finishItem(
        input,
        { text: `An emulated ${what} showing ${words}` },
        costOf('caption', input.task),
      );
    },
  };
}

export function promptEnhanceJob(input: JobInput): JobPlan {
  const versions = input.task.promptVersions;
  const prompt = typeof input.task.prompt === 'string' ? input.task.prompt : '';
  const maxLength = typeof input.task.promptMaxLength === 'number' ? input.task.promptMaxLength : 300;
  return {
    slots:
      typeof versions === 'number' && Number.isInteger(versions) && versions >= 1
        ? Math.min(versions, 10)
        : 1,
    reportsProgress: false,
    build(index) {
      const seed = resultSeed(input.ctx, input.task, input.taskUUID, index);
      const extra = generateText(prompt, seed, 10, false).tokens.slice(4).join('').replace(/\.$/, '');
      const text = `${prompt}, ${extra}, highly detailed`.slice(0, Math.max(1, maxLength));
      return finishItem(input, { text }, costOf('promptEnhance', input.task));
    },
  };
}
