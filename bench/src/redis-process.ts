import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { waitFor } from './metrics';

/** Debian's redis-server (the `redis-server` package); `REDIS_SERVER_PATH` names another. */
export const redisServerPath = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

export const hasRedisServer = (): boolean => existsSync(redisServerPath);

/** A throwaway redis-server on a free loopback port: no persistence, stopped by `close()`. */
export interface BenchRedis {
  url: string;
  /** One command over a RESP connection of the bench's own; integer and status replies only. */
  command(...args: string[]): Promise<number | string>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A minimal RESP client: commands one at a time, replies `+…`, `-…`, `:n` (and `$-1`). */
function respClient(
  port: number,
): Promise<{ command(args: string[]): Promise<number | string>; close(): void }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = createConnection({ host: '127.0.0.1', port });
    let buffer = '';
    const waiting: { resolve: (value: number | string) => void; reject: (error: Error) => void }[] = [];
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const next = waiting.shift();
        if (!next) continue;
        if (line.startsWith('-')) next.reject(new Error(`redis: ${line.slice(1)}`));
        else if (line.startsWith(':')) next.resolve(Number(line.slice(1)));
        else next.resolve(line.slice(1));
      }
    });
    socket.on('error', (error) => {
      for (const next of waiting.splice(0)) next.reject(error);
      reject(error);
    });
    socket.on('close', () => {
      for (const next of waiting.splice(0)) next.reject(new Error('redis: connection closed'));
    });
    socket.once('connect', () =>
      resolve({
        command: (args) =>
          new Promise((ok, fail) => {
            waiting.push({ resolve: ok, reject: fail });
            socket.write(
              `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`,
            );
          }),
        close: () => socket.destroy(),
      }),
    );
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts redis-server on 127.0.0.1 with nothing saved to disk, and waits until it answers PING. */
export async function startRedis(): Promise<BenchRedis> {
  const port = await freePort();
  const child = spawn(
    redisServerPath,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', '/tmp'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  let client: Awaited<ReturnType<typeof respClient>> | undefined;
  try {
    await waitFor(
      'redis-server to answer',
      async () => {
        if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${stderr}`);
        try {
          client = await respClient(port);
          return (await client.command(['PING'])) === 'PONG';
        } catch {
          client?.close();
          client = undefined;
          return false;
        }
      },
      10_000,
      50,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const resp = client as NonNullable<typeof client>;
  return {
    url: `redis://127.0.0.1:${port}`,
    command: (...args) => resp.command(args),
    async close() {
      resp.close();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}
