// A CommonJS consumer: `require()` of the installed client. Prints the file require resolved to.
// The shared scenario is ESM, so it is loaded with import(); the client itself is required.
const lib = require('@identitycall/client');

console.log(`ENTRY ${require.resolve('@identitycall/client')}`);
import('./scenario.mjs')
  .then(({ main }) =>
    main(lib, {
      baseUrl: process.env.IDENTITYCALL_BASE_URL,
      apiKey: process.env.IDENTITYCALL_API_KEY,
      label: process.env.CONSUMER_LABEL ?? 'cjs',
    }),
  )
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
