import { isRunwareError } from '@runware/core';
import { startTarget, type Target } from './target';

/**
 * Starts the target, runs the recipe, and always stops the target — also on failure, since a
 * running in-process emulator would keep the process alive. A failure sets exit code 1.
 */
export async function runRecipe(main: (target: Target) => Promise<void>): Promise<void> {
  const target = await startTarget();
  console.log(`Talking to ${target.label}`);
  try {
    await main(target);
  } catch (error) {
    console.error(isRunwareError(error) ? `RunwareError ${error.code}: ${error.message}` : error);
    process.exitCode = 1;
  } finally {
    await target.stop();
  }
}
