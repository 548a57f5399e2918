import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Copies the repository at `root` as a fresh clone of it would look, working-tree changes included:
 * every tracked file and every new file git does not ignore (so no node_modules, no dist/, no data).
 */
export function copyWorkingTree(root: string, target: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of new Set(listed.split('\0').filter((name) => name !== ''))) {
    const source = path.join(root, file);
    // Deleted in the working tree but still tracked: a clone of the change would not have it.
    if (!existsSync(source) || !lstatSync(source).isFile()) continue;
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    copyFileSync(source, path.join(target, file));
  }
}
