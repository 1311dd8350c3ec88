/**
 * Writes a report file, creating its folder first: every report flag (`--json`, `--junit`,
 * `--html`) takes a path whose folders may not exist yet.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes `text` to `file`, creating the folders on the way. */
export async function writeReportFile(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}
