// size-limit entry: createIdentityCallClient with everything it pulls in (openapi-fetch included).
import { createIdentityCallClient } from '../../dist/index.js';

console.log(createIdentityCallClient);
