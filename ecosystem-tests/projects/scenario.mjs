/**
 * The scenario every consumer runs against the sandbox with the client it installed: list the
 * operators, update one (PATCH), read it back, and catch a 404 as the package's NotFoundError.
 * `lib` is the client module exactly as the consumer loaded it (`import`, `require()`, a
 * bundle), so `instanceof` is checked against the class that module system produced.
 * The harness copies this file into each consumer project; it imports nothing.
 */

/**
 * @param {Record<string, any>} lib the `@identitycall/client` module namespace
 * @param {{ baseUrl: string, apiKey: string, label: string }} options
 */
export async function runScenario(lib, { baseUrl, apiKey, label }) {
  for (const name of ['createIdentityCallClient', 'NotFoundError', 'IdentityCallError']) {
    check(typeof lib[name] === 'function', `the module has no export ${name} (exports: ${Object.keys(lib).join(', ')})`);
  }
  const client = lib.createIdentityCallClient({ apiKey, baseUrl, maxRetries: 0 });

  const operators = await client.operators.list();
  check(Array.isArray(operators) && operators.length > 0, `operators.list() returned ${JSON.stringify(operators)}`);
  const target = operators[0];

  const email = `consumer+${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now()}@example.com`;
  const updated = await client.operators.update(target.id, { email });
  check(updated.id === target.id && updated.email === email, `operators.update() returned ${JSON.stringify(updated)}`);

  const fetched = await client.operators.get(target.id);
  check(fetched.email === email, `operators.get(${target.id}) after the update has email ${JSON.stringify(fetched.email)}, not ${email}`);

  const missing = Math.max(...operators.map((o) => o.id)) + 1_000_000;
  let caught;
  try {
    await client.operators.get(missing);
  } catch (error) {
    caught = error;
  }
  check(caught !== undefined, `operators.get(${missing}) did not throw`);
  check(
    caught instanceof lib.NotFoundError && caught instanceof lib.IdentityCallError && caught.status === 404,
    `operators.get(${missing}) threw ${caught?.name} (status ${caught?.status}), not a NotFoundError: ${caught?.message}`,
  );
  return { operators: operators.length, updated: target.id, notFound: missing };
}

/**
 * Runs the scenario and prints one line the harness reads: `SCENARIO-OK {…}` or
 * `SCENARIO-FAIL <error>` (then the stack). Returns the exit code.
 */
export async function main(lib, options, print = console.log) {
  try {
    print(`SCENARIO-OK ${JSON.stringify(await runScenario(lib, options))}`);
    return 0;
  } catch (error) {
    print(`SCENARIO-FAIL ${error?.name ?? 'Error'}: ${error?.message ?? error}\n${error?.stack ?? ''}`);
    return 1;
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}
