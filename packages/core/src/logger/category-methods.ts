import { type LogCategory, type Logger, logCategories } from './log-types';

/** A frozen Logger around one `log` function, with a method per category that calls it. */
export function withCategoryMethods(
  enabled: boolean,
  log: (category: LogCategory, message: string, data?: unknown) => void,
): Logger {
  const logger: Record<string, unknown> = { enabled, log };
  for (const category of logCategories)
    logger[category] = (message: string, data?: unknown) => log(category, message, data);
  return Object.freeze(logger) as unknown as Logger;
}
