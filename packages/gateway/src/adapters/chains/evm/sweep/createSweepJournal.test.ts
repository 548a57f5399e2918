// Risk: the send journal loses what the gas wallet signed (a rerun would sign and pay again), or a
// rerun trusts a journal of another sweep (issue 13).
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { createSweepJournal, type SweepJournalEntry } from './createSweepJournal.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kassa-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (key: string, nonce: number): SweepJournalEntry => ({
  planId: 'plan-a',
  key,
  hash: `0x${String(nonce).padStart(64, '0')}`,
  raw: `0xf86c${String(nonce).padStart(4, '0')}`,
  nonce,
});

describe('createSweepJournal', () => {
  it('writes each entry as a line at once, and a second opening reads them back in order', () => {
    const file = path.join(dir, 'a.journal');
    const journal = createSweepJournal({ file, planId: 'plan-a' });
    expect(journal.entries).toEqual([]);
    journal.append(entry('topup:0xaa', 7));
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(entry('topup:0xaa', 7))}\n`);
    journal.append(entry('topup:0xbb', 8));
    const reopened = createSweepJournal({ file, planId: 'plan-a' });
    expect(reopened.entries).toEqual([entry('topup:0xaa', 7), entry('topup:0xbb', 8)]);
    expect(reopened.find('topup:0xbb')).toEqual(entry('topup:0xbb', 8));
    expect(reopened.find('batch:0')).toBeUndefined();
  });

  it('drops a last line torn by a crash and appends after it on a fresh line', () => {
    const file = path.join(dir, 'torn.journal');
    writeFileSync(file, `${JSON.stringify(entry('batch:0', 1))}\n{"planId":"plan-a","key":"batch:1","ha`);
    const journal = createSweepJournal({ file, planId: 'plan-a' });
    expect(journal.entries).toEqual([entry('batch:0', 1)]);
    journal.append(entry('batch:1', 2));
    expect(createSweepJournal({ file, planId: 'plan-a' }).entries).toEqual([entry('batch:0', 1), entry('batch:1', 2)]);
  });

  it('refuses a journal of another plan, and one with an unreadable line before the last', () => {
    const foreign = path.join(dir, 'foreign.journal');
    writeFileSync(foreign, `${JSON.stringify({ ...entry('batch:0', 1), planId: 'plan-b' })}\n`);
    expect(() => createSweepJournal({ file: foreign, planId: 'plan-a' })).toThrow(SweepError);
    expect(() => createSweepJournal({ file: foreign, planId: 'plan-a' })).toThrow(/belongs to plan plan-b, not plan-a/);

    const garbled = path.join(dir, 'garbled.journal');
    writeFileSync(garbled, 'not json\n');
    appendFileSync(garbled, `${JSON.stringify(entry('batch:0', 1))}\n`);
    expect(() => createSweepJournal({ file: garbled, planId: 'plan-a' })).toThrow(/unreadable line 1/);
  });
});
