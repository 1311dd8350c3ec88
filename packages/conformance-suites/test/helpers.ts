/**
 * Shared test helpers: a sandbox per test file (free port, stopped in afterAll) with the run
 * options that use its keys, and the published CLI (the `bin` of `@identitycall/conformance`) as a
 * child process.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runConformance, type ConformanceOptions, type ConformanceReport } from '@identitycall/conformance';
import { startSandbox, type FaultName, type Sandbox, type SandboxOptions } from '@identitycall/sandbox';
import { sandboxKeys } from '../src/sandbox-keys.js';

export { sandboxKeys };

/**
 * Starts a sandbox for the enclosing test file (on a free port) and stops it afterwards.
 * Returns a getter, valid once `beforeAll` has run.
 */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, onError: () => {}, ...options });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });
  return () => {
    if (!sandbox) throw new Error('useSandbox: the sandbox is not started yet (use it inside a test)');
    return sandbox;
  };
}

/** Run options for a full, quick run against `sandbox` (its keys, few generated requests). */
export function sandboxRun(sandbox: Sandbox, overrides: Partial<ConformanceOptions> = {}): ConformanceOptions {
  const keys = sandboxKeys(sandbox.keys);
  return {
    baseUrl: sandbox.url,
    apiKey: keys.full,
    readOnlyKey: keys.readOnly,
    projectKey: keys.project,
    seed: 1,
    runs: 3,
    stateless: false,
    ...overrides,
  };
}

/** Runs the engine (quickly, as {@link sandboxRun}) against a sandbox of its own with `fault` injected. */
export async function runWithFault(fault: FaultName, overrides: Partial<ConformanceOptions> = {}): Promise<ConformanceReport> {
  const faulty = await startSandbox({ port: 0, faults: [fault], onError: () => {} });
  try {
    return await runConformance(sandboxRun(faulty, overrides));
  } finally {
    await faulty.stop();
  }
}

/** The CLI as a consumer gets it: the `bin` that `@identitycall/conformance`'s package.json names. */
export const CLI = (() => {
  const manifest = createRequire(import.meta.url).resolve('@identitycall/conformance/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin['identitycall-conformance']!);
})();

/** Runs the CLI with `args` (and only `env` besides PATH) and waits for it to exit. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
