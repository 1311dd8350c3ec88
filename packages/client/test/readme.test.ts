/**
 * The README's examples compile against the built package, as a user would import it
 * (`@identitycall/client` through its `exports`), and a CommonJS consumer compiles too.
 * @see ../README.md
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const dir = fileURLToPath(new URL('test-results/readme-examples/', root));

/** The ```ts blocks of the README, with the line each starts on. */
const readme = readFileSync(new URL('README.md', root), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m, i) => ({
  name: `example ${i + 1} (README.md line ${readme.slice(0, m.index).split('\n').length})`,
  file: `${dir}example-${i + 1}.ts`,
  code: `${m[1]}\nexport {};\n`,
}));

const cjsConsumer = {
  name: 'a CommonJS consumer (require, .d.cts)',
  file: `${dir}consumer.cts`,
  code: `import { createIdentityCallClient, NotFoundError, type OperatorDetail } from '@identitycall/client';
const client = createIdentityCallClient({ apiKey: 'idc_x', maxRetries: 1 });
export async function find(id: number): Promise<OperatorDetail | undefined> {
  try {
    return await client.operators.get(id);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
`,
};

let diagnostics: Map<string, string[]>;

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  for (const { file, code } of [...blocks, cjsConsumer]) writeFileSync(file, code);
  const program = ts.createProgram(
    [...blocks, cjsConsumer].map((b) => b.file),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
  );
  diagnostics = new Map();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? '(global)';
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    diagnostics.set(file, [...(diagnostics.get(file) ?? []), `line ${at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`]);
  }
}, 180_000); // a whole type-check; on two busy cores it can take a minute

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README examples type-check against the built package', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it.each([...blocks, cjsConsumer])('$name', ({ file }) => {
    expect(diagnostics.get(file) ?? []).toEqual([]);
    expect(diagnostics.get('(global)') ?? []).toEqual([]);
  });

  it('the declarations themselves compile (no TS1479 from an ESM-only import in .d.cts)', () => {
    const program = ts.createProgram([fileURLToPath(new URL('dist/index.d.ts', root)), fileURLToPath(new URL('dist/index.d.cts', root))], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
    });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  }, 180_000); // a whole type-check; on two busy cores it can take a minute
});
