#!/usr/bin/env node
// The `kassa` command. `#kassa-cli` is the compiled CLI in dist/ (`npm install` builds it), so no
// transpiler runs at start; under the `kassa-source` condition (tests, with tsx) it is the TypeScript source.
const { main } = await import('#kassa-cli');
process.exitCode = await main(process.argv.slice(2));
