import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig({
  test: { typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] } },
});
