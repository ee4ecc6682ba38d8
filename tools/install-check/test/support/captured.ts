/** One request the emulator captured (`GET /_emulator/requests`), keys already redacted. */
export interface Captured {
  id: number;
  transport: 'rest' | 'ws';
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export async function capturedRequests(controlUrl: string): Promise<Captured[]> {
  const res = await fetch(`${controlUrl}/requests`);
  const body = (await res.json()) as { requests: Captured[] } | Captured[];
  return Array.isArray(body) ? body : body.requests;
}

/** One task as the emulator received it, with the transport and headers that carried it. */
export interface CapturedTask {
  taskType?: string;
  taskUUID?: string;
  deliveryMethod?: string;
  [param: string]: unknown;
  via: 'rest' | 'ws';
  headers: Record<string, string>;
}

/** The tasks of every captured request, flattened, with the transport that carried them. */
export function capturedTasks(requests: readonly Captured[]): CapturedTask[] {
  return requests.flatMap((request) =>
    (Array.isArray(request.body) ? (request.body as Record<string, unknown>[]) : []).map((task) => ({
      ...task,
      via: request.transport,
      headers: request.headers,
    })),
  );
}
