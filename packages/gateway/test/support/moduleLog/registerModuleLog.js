// `node --import <this file>`: records every module the process loads, as a URL a line, in the file
// KASSA_MODULE_LOG names (test/build.test.ts checks what each command loads). ES modules are seen by
// the load hook as they load; CommonJS ones, which Node 20 requires without hooks, from the require
// cache at exit. Plain JavaScript: it runs beside the build, with no TypeScript loader.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.KASSA_MODULE_LOG;
register(new URL('./moduleLogHooks.js', import.meta.url), { data: { file } });
process.on('exit', () => {
  const required = Object.keys(createRequire(import.meta.url).cache).map((p) => pathToFileURL(p).href);
  appendFileSync(file, required.map((url) => `${url}\n`).join(''));
});
