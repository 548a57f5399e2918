/**
 * The keys that an object in a JSON text names more than once, at any depth. `JSON.parse` keeps
 * the last of them without a word, so this reads the text itself.
 */
export function listDuplicateKeys(text: string): string[] {
  const duplicates: string[] = [];
  // One entry per open object (its keys so far) or array (null).
  const open: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') open.push(new Set());
    else if (c === '[') open.push(null);
    else if (c === '}' || c === ']') open.pop();
    else if (c === '"') {
      const end = findStringEnd(text, i);
      const keys = open.at(-1);
      if (keys != null && /^\s*:/.test(text.slice(end + 1))) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) duplicates.push(key);
        keys.add(key);
      }
      i = end;
    }
  }
  return duplicates;
}

/** The index of the quote that closes the string opening at `start`. */
function findStringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j;
  }
  throw new Error(`unterminated string in ${text}`);
}
