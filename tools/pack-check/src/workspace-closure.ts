import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readManifest = async (dir: string): Promise<Manifest> =>
  JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;

/** The package's folder and those of its workspace dependencies, dependencies first. */
export async function workspaceClosure(packageDir: string): Promise<string[]> {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = async (dir: string) => {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const manifest = await readManifest(real);
    const ranges = {
      ...manifest.dependencies,
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
    };
    for (const [name, range] of Object.entries(ranges))
      if (range.startsWith('workspace:')) await visit(join(real, 'node_modules', name));
    order.push(real);
  };
  await visit(packageDir);
  return order;
}
