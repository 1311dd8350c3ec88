/**
 * Progress while a run goes: a bar redrawn in place when the output is a terminal, plain lines
 * otherwise (a CI log has no terminal) — one per family as it starts, one per failed case, and in a
 * dry run one per request that would be sent.
 */
import type { RunEvent } from '../options.js';
import { requestBodyText } from './exchange-text.js';
import { redact, type Secrets } from './redact.js';

/** Where progress goes. */
export interface ProgressOutput {
  write(text: string): void;
  /** True when the output is a terminal (then the bar is redrawn in place). */
  isTTY?: boolean;
  columns?: number;
}

/** Creates the progress handler for a run's events. */
export function createProgress(out: ProgressOutput, secrets: Secrets = {}): { onEvent(event: RunEvent): void; done(): void } {
  const started = performance.now();
  let total = 0;
  let done = 0;
  let requests = 0;
  let family = '';
  let drawn = false;
  const clear = () => {
    if (drawn) out.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = (label: string) => {
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : 0;
    const rate = Math.round(requests / Math.max(0.001, (performance.now() - started) / 1000));
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} cases · ${requests} requests · ${rate} req/s · ${label}`;
    out.write(`\r\x1b[2K${line.slice(0, (out.columns ?? 120) - 1)}`);
    drawn = true;
  };
  return {
    onEvent(event) {
      if (event.type === 'plan') total = event.cases;
      else if (event.type === 'exchange') {
        requests++;
        if (event.dryRun) {
          clear();
          const e = event.exchange;
          const text = requestBodyText(e);
          const body = text === undefined ? '' : `  ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`.replace(/\r?\n/g, ' ');
          out.write(
            redact(
              `DRY ${e.request.method} ${e.request.path}${new URL(e.request.url).search}  [${e.request.headers.get('authorization') ?? 'no key'}]${body}\n`,
              secrets,
            ),
          );
        }
      } else if (event.type === 'case-start') {
        const fam = event.id.split('/')[0]!;
        if (out.isTTY) draw(event.id);
        else if (fam !== family) out.write(`… ${fam}\n`);
        family = fam;
      } else if (event.type === 'case-end') {
        done++;
        // A case that stopped the run (a rejected key) is told once, by the summary.
        if (event.result.outcome === 'failed' && !event.result.stoppedRun) {
          clear();
          const checks = [...new Set(event.result.failures.map((f) => f.check))].join(', ') || 'error';
          out.write(redact(`FAIL ${event.result.id} (${checks})\n`, secrets));
        }
        if (out.isTTY) draw(event.result.id);
      }
    },
    done() {
      clear();
    },
  };
}
