/** What a command writes to and reads from: the process's streams, or a test's. */
export interface CliIo {
  stdout: NodeJS.WriteStream | NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Fires on Ctrl-C (SIGINT) or SIGTERM: the command stops cleanly. */
  signal: AbortSignal;
}

/** A usage mistake: printed with the command's help, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function isTty(stream: CliIo['stdout']): boolean {
  return (stream as NodeJS.WriteStream).isTTY === true;
}
