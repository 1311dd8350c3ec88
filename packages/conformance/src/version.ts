/** The package's name and version, read from its package.json (one source). */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** `@identitycall/conformance`. */
export const PACKAGE_NAME: string = pkg.name;
/** This package's version. */
export const PACKAGE_VERSION: string = pkg.version;
