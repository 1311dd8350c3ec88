// Must NOT compile: the harness requires tsc to report exactly the code below, and only here.
// expected-error: TS2322
import { createIdentityCallClient } from '@identitycall/client';

const client = createIdentityCallClient({ apiKey: 'idc_example' });

// `active` is a boolean in the spec's OperatorUpdate; a string must be refused.
await client.operators.update(42, { active: 'no' });
