import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Miniflare } from 'miniflare';

export interface WorkerRun {
  status: number;
  body: unknown;
}

/**
 * Runs a module worker bundle in workerd (Cloudflare's runtime, through miniflare) with only the
 * Web-standard APIs (no `nodejs_compat`), calls it once and disposes of it.
 */
export async function runInWorkerd(bundlePath: string, bindings: Record<string, string>): Promise<WorkerRun> {
  const worker = new Miniflare({
    // Listed explicitly: miniflare's module walker refuses the transport's variable-specifier
    // `import()` (the undici loader, which only Node ever evaluates).
    modulesRoot: dirname(bundlePath),
    modules: [{ type: 'ESModule', path: bundlePath, contents: await readFile(bundlePath, 'utf8') }],
    compatibilityDate: '2025-09-01',
    bindings,
  });
  try {
    const response = await worker.dispatchFetch('http://worker.local/');
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the text: a runtime error page is what the test should show
    }
    return { status: response.status, body };
  } finally {
    await worker.dispose();
  }
}
