// Guards against phantom TRX payments: a TRC-10 transfer or a failed call counted as TRX, or a
// transaction the node does not know yet dropped for good instead of retried.
import { describe, expect, it } from 'vitest';
import { readTronFixture } from '../../../../test/fixtures/tron/readTronFixture.ts';
import { classifyTronTransaction } from './classifyTronTransaction.ts';

type HttpTransaction = {
  txID: string;
  ret: { contractRet: string }[];
  raw_data: { contract: { type: string; parameter: { value: Record<string, unknown> } }[] };
};

/** A stored `/wallet/gettransactionbyid` answer, to be changed by a test. */
const answer = (name: Parameters<typeof readTronFixture>[0]) => readTronFixture(name).response as HttpTransaction;

describe('classifyTronTransaction', () => {
  it('reads a successful TransferContract as a TRX transfer to its to_address, 0x41 prefix dropped', () => {
    expect(classifyTronTransaction(answer('gettransactionbyid-transfer'))).toEqual({
      kind: 'trx',
      to: '0x683c370ddd3967423a98f7b99759ef85047810a8',
    });
  });

  it('reads a TRC-10 transfer (TransferAssetContract) as something other than TRX', () => {
    expect(classifyTronTransaction(answer('gettransactionbyid-transfer-asset'))).toEqual({
      kind: 'other',
      why: 'TransferAssetContract',
    });
  });

  it('reads a failed contract call as something other than TRX', () => {
    expect(classifyTronTransaction(answer('gettransactionbyid-trigger-revert'))).toEqual({
      kind: 'other',
      why: 'TriggerSmartContract',
    });
  });

  it('reads a TransferContract whose result is not SUCCESS as something other than TRX', () => {
    const tx = answer('gettransactionbyid-transfer');
    tx.ret = [{ contractRet: 'UNKNOWN' }];
    expect(classifyTronTransaction(tx)).toEqual({ kind: 'other', why: 'TransferContract UNKNOWN' });
  });

  it('lower-cases a to_address written in upper case', () => {
    const tx = answer('gettransactionbyid-transfer');
    const value = tx.raw_data.contract[0]?.parameter.value as Record<string, unknown>;
    value.to_address = '41683C370DDD3967423A98F7B99759EF85047810A8';
    expect(classifyTronTransaction(tx)).toEqual({ kind: 'trx', to: '0x683c370ddd3967423a98f7b99759ef85047810a8' });
  });

  it('throws on {}, the answer for a transaction the node does not know (yet): the scan is retried', () => {
    const unknown = readTronFixture('gettransactionbyid-unknown').response;
    expect(unknown).toEqual({});
    expect(() => classifyTronTransaction(unknown)).toThrow(
      /TRON HTTP API does not know the transaction \(answered \{\}\)/,
    );
  });

  it('throws on a node error answer, naming it', () => {
    const error = { Error: 'class org.tron.core.services.http.JsonFormat$ParseException : bad hex' };
    expect(() => classifyTronTransaction(error)).toThrow(/does not know the transaction.*ParseException/);
  });

  it.each([null, 'SUCCESS', 42, []])('throws on an answer that is not a transaction object (%j)', (raw) => {
    expect(() => classifyTronTransaction(raw)).toThrow(/TRON HTTP API does not know the transaction/);
  });

  it.each([
    ['no ret', (tx: HttpTransaction) => Reflect.deleteProperty(tx, 'ret')],
    ['an empty contract list', (tx: HttpTransaction) => tx.raw_data.contract.splice(0)],
    [
      'a contract without a type',
      (tx: HttpTransaction) => Reflect.deleteProperty(tx.raw_data.contract[0] ?? {}, 'type'),
    ],
  ])('throws naming the txid on %s', (_, breakIt) => {
    const tx = answer('gettransactionbyid-transfer');
    breakIt(tx);
    expect(() => classifyTronTransaction(tx)).toThrow(`transaction ${tx.txID} without its contract or result`);
  });

  it.each([
    ['no to_address', undefined],
    ['a to_address in T… form (visible: true)', 'TKTcfBEKpp5ZRPwmiZ8SfLx8W7CDZ7PHCY'],
    ['a to_address without the 41 prefix', '683c370ddd3967423a98f7b99759ef85047810a8'],
  ])('throws on a TransferContract with %s, rather than guess the recipient', (_, toAddress) => {
    const tx = answer('gettransactionbyid-transfer');
    const value = tx.raw_data.contract[0]?.parameter.value as Record<string, unknown>;
    value.to_address = toAddress;
    expect(() => classifyTronTransaction(tx)).toThrow(`transfer ${tx.txID} with a to_address it cannot read`);
  });
});
