// size-limit entry: openapi-fetch alone, the baseline the client's budget is measured over.
import createClient from 'openapi-fetch';

console.log(createClient);
