/** Environment variables by name, as `process.env` holds them. */
export type EnvironmentVariables = Record<string, string | undefined>;

interface EnvHosts {
  process?: { env?: unknown };
  Deno?: { env?: { get?: (name: string) => string | undefined } };
}

/**
 * The runtime's environment variables, read through `globalThis` so bundlers never pull in a
 * `process` shim: Node/Bun `process.env`, else Deno's `Deno.env` (for the names asked for, since it
 * throws without permission). Browsers and workers have none: an empty record.
 */
export function ambientEnv(names: readonly string[]): EnvironmentVariables {
  const hosts = globalThis as EnvHosts;
  const env = hosts.process?.env;
  if (typeof env === 'object' && env !== null) return env as EnvironmentVariables;
  const get = hosts.Deno?.env?.get;
  const out: EnvironmentVariables = {};
  if (typeof get !== 'function') return out;
  for (const name of names) {
    try {
      out[name] = get.call(hosts.Deno?.env, name);
    } catch {
      // No --allow-env: behave as if the variable were unset.
    }
  }
  return out;
}
