import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Hex } from 'viem';
import { SweepError } from '../../../../core/sweep/SweepError.ts';

/** A transaction the gas wallet signed for a sweep, written down before it was broadcast. */
export type SweepJournalEntry = {
  readonly planId: string;
  /** What it is for: `topup:<lower-case address>` or `batch:<index>`. */
  readonly key: string;
  readonly hash: Hex;
  /** The signed bytes: a rerun broadcasts exactly these, so the same payment can never be made twice. */
  readonly raw: Hex;
  readonly nonce: number;
};

export type SweepJournal = {
  readonly entries: readonly SweepJournalEntry[];
  find(key: string): SweepJournalEntry | undefined;
  /** Appends the entry and fsyncs the file: it is on disk before the transaction leaves. */
  append(entry: SweepJournalEntry): void;
};

/**
 * Opens (or starts) the send journal of one signed sweep: JSON lines beside the signed file. A
 * crash can only tear the last line while it is written, before its broadcast, so a torn last
 * line is dropped (and cut off before the next append); any other unreadable line, or a line of
 * another plan, is refused.
 *
 * @example
 * const journal = createSweepJournal({ file: 'sweep.signed.json.journal', planId: plan.planId });
 */
export function createSweepJournal({ file, planId }: { file: string; planId: string }): SweepJournal {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const entries = parseJournal(text, file, planId);
  // Bytes up to the last complete line: what stays when a torn tail is cut off.
  let tornAt =
    text.endsWith('\n') || text === '' ? undefined : Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1));
  return {
    entries,
    find: (key) => entries.find((entry) => entry.key === key),
    append(entry) {
      const isNew = !existsSync(file);
      if (tornAt !== undefined) truncateSync(file, tornAt);
      tornAt = undefined;
      const fd = openSync(file, 'a', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(entry)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      // A new file's name is only durable once its directory is synced too.
      if (isNew) syncDirectory(dirname(file));
      entries.push(entry);
    },
  };
}

function parseJournal(text: string, file: string, planId: string): SweepJournalEntry[] {
  const lines = text.split('\n');
  const entries: SweepJournalEntry[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const entry = parseEntry(line);
    if (entry === undefined) {
      if (i === lines.length - 1) return;
      throw new SweepError(`send journal ${file} has an unreadable line ${i + 1}; it was not written by this sweep`);
    }
    if (entry.planId !== planId) {
      throw new SweepError(`send journal ${file} belongs to plan ${entry.planId}, not ${planId}`);
    }
    entries.push(entry);
  });
  return entries;
}

function parseEntry(line: string): SweepJournalEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    // A torn or foreign line: the caller decides whether that is tolerable.
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { planId, key, hash, raw, nonce } = value as Record<string, unknown>;
  const isHex = (v: unknown): v is Hex => typeof v === 'string' && /^0x[0-9a-fA-F]*$/.test(v);
  if (typeof planId !== 'string' || typeof key !== 'string' || !isHex(hash) || !isHex(raw)) return undefined;
  if (typeof nonce !== 'number' || !Number.isSafeInteger(nonce)) return undefined;
  return { planId, key, hash, raw, nonce };
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
