import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves fixed files from memory on 127.0.0.1: the test page and its bundles, nothing else. */
export async function serveFiles(
  files: Record<string, { path?: string; text?: string }>,
): Promise<StaticServer> {
  const bodies = new Map<string, Buffer>();
  for (const [name, source] of Object.entries(files)) {
    bodies.set(`/${name}`, source.path ? await readFile(source.path) : Buffer.from(source.text ?? ''));
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const body = bodies.get(path);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
