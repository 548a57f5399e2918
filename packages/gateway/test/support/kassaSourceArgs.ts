import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/kassa.js', import.meta.url));

/**
 * Node's arguments that run the `kassa` command from the TypeScript sources: tsx, and the
 * `kassa-source` condition that points bin/kassa.js at src/ instead of dist/. Tests run the code as
 * it is, with no build to go stale; test/build.test.ts runs the build.
 */
export const KASSA_SOURCE_ARGS: readonly string[] = ['--conditions=kassa-source', '--import', 'tsx', BIN];
