/**
 * The page template for `redocly build-docs`. It differs from Redocly's default in one way that
 * matters: a Content-Security-Policy that lets the page load nothing from the network. The Redoc
 * bundle is inlined (`--inlineBundle`); the only remote asset Redoc 3 still asks for, its
 * attribution logo, is refused by the policy (the component hides itself when the image fails).
 * @see https://redocly.com/docs/cli/commands/build-docs
 */

/** No remote origin anywhere: inline scripts and styles, data/blob images, fonts and workers. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob:",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  'worker-src blob:',
  'connect-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The Handlebars template (`{{title}}`, `{{{redocHead}}}` and `{{{redocHTML}}}` are Redocly's). */
export const OFFLINE_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta name="generator" content="@identitycall/spec-review (redocly build-docs --inlineBundle)" />
  <title>{{title}}</title>
  <style>body { padding: 0; margin: 0; }</style>
  {{{redocHead}}}
</head>
<body>
  {{{redocHTML}}}
</body>
</html>
`;
