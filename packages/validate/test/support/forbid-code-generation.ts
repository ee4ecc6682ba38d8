import { vi } from 'vitest';

/**
 * Makes `Function` behave as in workerd or under a strict Content-Security-Policy: calling or
 * constructing it throws an EvalError. Undo with `vi.unstubAllGlobals()`.
 */
export function forbidCodeGeneration(): void {
  const refuse = () => {
    throw new EvalError('Code generation from strings disallowed for this context');
  };
  vi.stubGlobal('Function', new Proxy(Function, { construct: refuse, apply: refuse }));
}
