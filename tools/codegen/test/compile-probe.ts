import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import type { GeneratedFiles } from '../src/generate';

/**
 * Writes generated files plus a probe module next to them, compiles the lot with the same strict
 * options the workspace uses, and returns every diagnostic as text (empty = it compiles).
 */
export async function compileWithProbe(
  files: GeneratedFiles,
  probe: string,
): Promise<{ dir: string; errors: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'runware-codegen-'));
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  await writeFile(join(dir, 'probe.ts'), probe);
  const program = ts.createProgram(
    [join(dir, 'index.ts'), join(dir, 'request-schemas.ts'), join(dir, 'probe.ts')],
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
  );
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  return { dir, errors };
}
