#!/usr/bin/env node
/**
 * The `identitycall-conformance` executable (the package's `bin`); the command lives in `cli/`.
 * @see ../README.md
 */
import { runCommand } from './cli/main.js';

runCommand(process.argv.slice(2));
