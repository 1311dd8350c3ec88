/**
 * The offline guard on a built page: remote scripts, module imports and a missing policy are each
 * reported by URL.
 */
import { describe, expect, it } from 'vitest';
import { DocsNotOfflineError } from '../errors.js';
import { assertOffline } from './build.js';
import { CONTENT_SECURITY_POLICY } from './template.js';

const page = (head: string, body = '') =>
  `<html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />${head}</head><body><div id="redoc"></div>${body}</body></html>`;

describe('assertOffline', () => {
  it('accepts an inlined bundle whose code merely mentions URLs', () => {
    expect(() =>
      assertOffline(page('', '<script type="module">\nconst logo = "https://cdn.example/logo.svg"; hydrate();\n</script>')),
    ).not.toThrow();
  });

  it.each([
    { name: 'a CDN script', html: page('<script src="https://cdn.example/redoc.js"></script>'), url: 'https://cdn.example/redoc.js' },
    {
      name: 'a module preload',
      html: page('<link rel="modulepreload" href="https://cdn.example/r.js" />'),
      url: 'https://cdn.example/r.js',
    },
    {
      name: 'a web font',
      html: page('<link href="https://fonts.example/css?family=Roboto" rel="stylesheet">'),
      url: 'https://fonts.example/css?family=Roboto',
    },
    {
      name: 'an imported bundle',
      html: page('', '<script type="module">\n      import { hydrate } from "https://cdn.example/redoc.js";\n</script>'),
      url: 'https://cdn.example/redoc.js',
    },
    { name: 'no policy', html: '<html><head></head><body></body></html>', url: 'lacks the offline Content-Security-Policy' },
  ])('rejects $name', ({ html, url }) => {
    expect(() => assertOffline(html)).toThrow(DocsNotOfflineError);
    expect(() => assertOffline(html)).toThrow(url);
  });
});
