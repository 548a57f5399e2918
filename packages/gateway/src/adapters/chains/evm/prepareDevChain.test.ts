// Risk: the sandbox redeploys its tokens on every start (token ids change, old orders orphaned), trusts a remembered contract that is gone, or pays from an address it also hands out for deposits.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPublicClient, http } from 'viem';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveDepositAddress } from './deriveDepositAddress.ts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';
import { DEV_XPUB, prepareDevChain } from './prepareDevChain.ts';
import { ANVIL_DEFAULT_ACCOUNT, startAnvil } from './startAnvil.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kassa-devchain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prepareDevChain', () => {
  it('deploys and funds once, then re-uses the remembered tokens on the same chain', async () => {
    const anvil = await startAnvil();
    try {
      const tokensFile = path.join(dir, 'reuse.json');
      const first = await prepareDevChain({ rpcUrl: anvil.rpcUrl, tokensFile });
      expect(first.chainId).toBe(anvil.chainId);
      expect(first.wasReset).toBe(false);
      expect(first.network).toMatchObject({ key: 'DEV', chainId: anvil.chainId, confirmations: 1, xpub: DEV_XPUB });
      expect(first.network.rpcUrls).toEqual([anvil.rpcUrl]);
      expect(first.network.tokens.map((t) => [t.symbol, t.decimals, t.isStable])).toEqual([
        ['USDT', 6, true],
        ['USDC', 6, true],
      ]);
      const client = createPublicClient({ transport: http(anvil.rpcUrl) });
      for (const token of first.network.tokens) {
        const balance = await client.readContract({
          address: token.contract ?? '0x',
          abi: kassaTestTokenAbi,
          functionName: 'balanceOf',
          args: [first.testAccount.address],
        });
        expect(balance).toBe(1_000_000n * 10n ** 6n);
      }
      expect(await client.getBalance({ address: first.testAccount.address })).toBeGreaterThan(9_999n * 10n ** 18n);
      const nonce = await client.getTransactionCount({ address: first.testAccount.address });

      const second = await prepareDevChain({ rpcUrl: anvil.rpcUrl, tokensFile });
      expect(second.network.tokens).toEqual(first.network.tokens);
      expect(second.wasReset).toBe(false);
      // Nothing was deployed or minted again.
      expect(await client.getTransactionCount({ address: first.testAccount.address })).toBe(nonce);
      expect(JSON.parse(readFileSync(tokensFile, 'utf8'))).toEqual({
        chainId: anvil.chainId,
        tokens: { USDT: first.network.tokens[0]?.contract, USDC: first.network.tokens[1]?.contract },
      });
    } finally {
      await anvil.stop();
    }
  });

  it('deploys anew when a remembered contract has no code on this chain', async () => {
    const anvil = await startAnvil();
    try {
      const tokensFile = path.join(dir, 'stale.json');
      const gone = '0x000000000000000000000000000000000000dEaD';
      writeFileSync(tokensFile, JSON.stringify({ chainId: anvil.chainId, tokens: { USDT: gone, USDC: gone } }));
      const prepared = await prepareDevChain({ rpcUrl: anvil.rpcUrl, tokensFile });
      expect(prepared.wasReset).toBe(true);
      const client = createPublicClient({ transport: http(anvil.rpcUrl) });
      for (const token of prepared.network.tokens) {
        expect(token.contract).not.toBe(gone);
        expect(await client.getCode({ address: token.contract ?? '0x' })).toMatch(/^0x[0-9a-f]{10,}$/);
      }
    } finally {
      await anvil.stop();
    }
  });

  it('pays from an account that is neither a deposit address nor one of anvil’s default accounts', async () => {
    const anvil = await startAnvil();
    try {
      const { testAccount } = await prepareDevChain({ rpcUrl: anvil.rpcUrl, tokensFile: path.join(dir, 'payer.json') });
      const deposits = new Set(Array.from({ length: 500 }, (_, i) => deriveDepositAddress(DEV_XPUB, i)));
      expect(deposits.has(testAccount.address)).toBe(false);
      expect(deposits.has(ANVIL_DEFAULT_ACCOUNT.address)).toBe(false);
      expect(testAccount.address).not.toBe(ANVIL_DEFAULT_ACCOUNT.address);
    } finally {
      await anvil.stop();
    }
  });
});
