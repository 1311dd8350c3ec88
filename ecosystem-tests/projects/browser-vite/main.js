// Bundled by Vite from the installed client. The API is reached on this page's own origin: the
// harness's static server forwards the sandbox's base path to the sandbox (which sends no CORS
// headers). The base path, the key and a label come in the query string: ?base=…&key=…&label=…
import * as lib from '@identitycall/client';
import { main } from './scenario.mjs';

const params = new URLSearchParams(location.search);
const lines = [];
const code = await main(
  lib,
  {
    baseUrl: new URL(params.get('base') ?? '/', location.origin).href,
    apiKey: params.get('key') ?? '',
    label: params.get('label') ?? 'browser',
  },
  (line) => lines.push(line),
);
document.getElementById('result').textContent = lines.join('\n');
window.__scenario = { code, output: lines.join('\n') };
