// The build (`npm run build`, and `prepare`, so `npm install` and `npm ci` run it): compiles both packages
// to dist/ and copies the files the gateway reads at run time (checkout assets, locales) beside them.
// Without the dev dependencies (`npm ci --omit=dev` on a tree shipped with its build) it checks the build
// is there. TypeScript alone does not tell: npm installs it even then, as an optional peer of viem.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GATEWAY = path.join(ROOT, 'packages/gateway');
const BUILT = ['packages/sdk/dist/index.js', 'packages/gateway/dist/cli/main.js'];

const tsc = findTypeScriptCompiler();
if (tsc === null || !isInstalled('@types/node/package.json')) {
  const missing = BUILT.filter((file) => !existsSync(path.join(ROOT, file)));
  if (missing.length > 0) {
    process.stderr.write(
      `kassa build: the dev dependencies are not installed and ${missing.join(', ')} is missing: ` +
        'install with dev dependencies (npm ci), or ship the tree with its dist/ folders\n',
    );
    process.exit(1);
  }
} else {
  // The gateway's build references the SDK's, so `tsc -b` builds (or skips, when fresh) both in order.
  const result = spawnSync(process.execPath, [tsc, '-b', path.join(GATEWAY, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  copyRunTimeFiles(path.join(GATEWAY, 'src'), path.join(GATEWAY, 'dist'));
}

function findTypeScriptCompiler() {
  return isInstalled('typescript/package.json')
    ? path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc')
    : null;
}

function isInstalled(specifier) {
  try {
    createRequire(import.meta.url).resolve(specifier);
    return true;
  } catch (error) {
    if (error.code === 'MODULE_NOT_FOUND') return false;
    throw error;
  }
}

/** Every file under `from` that is not TypeScript, at the same place under `to`. */
function copyRunTimeFiles(from, to) {
  for (const name of readdirSync(from, { recursive: true })) {
    const source = path.join(from, name);
    if (/\.tsx?$/.test(name) || !statSync(source).isFile()) continue;
    mkdirSync(path.dirname(path.join(to, name)), { recursive: true });
    copyFileSync(source, path.join(to, name));
  }
}
