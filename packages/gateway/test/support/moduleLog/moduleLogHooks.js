// Module customization hooks, run on Node's hooks thread: registered by registerModuleLog.js.
import { appendFileSync } from 'node:fs';

let logFile;

export function initialize({ file }) {
  logFile = file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(logFile, `${url}\n`);
  return nextLoad(url, context);
}
