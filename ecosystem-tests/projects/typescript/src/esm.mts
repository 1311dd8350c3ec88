// An ES module consumer (type-checked under node16 and nodenext): the "import" types.
import { createIdentityCallClient, NotFoundError, type IdentityCallClient, type Operator, type OperatorUpdate } from '@identitycall/client';

const client: IdentityCallClient = createIdentityCallClient({
  apiKey: 'idc_example',
  baseUrl: 'https://api.example.com/',
});

const operators: Operator[] = await client.operators.list();
const change: OperatorUpdate = { email: null, active: false };
const updated = await client.operators.update(operators[0]!.id, change);
const name: string = updated.name;
// @ts-expect-error `name` is a string; if the package's types degraded to `any`, this would not error.
const notANumber: number = updated.name;

try {
  await client.operators.get(1_000_000);
} catch (error) {
  if (error instanceof NotFoundError) {
    const status: number | undefined = error.status;
    const messages: string[] = error.messages;
    console.log(status, messages, name, notANumber);
  }
}
