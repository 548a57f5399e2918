// Risk: a TRON network read as EVM (hex contracts, the EVM xpub), TRX payments trusted without the
// node's HTTP API, or sweep settings on TRON silently ignored.
import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { catchConfigError } from '../../../test/support/catchConfigError.ts';
import { deriveTokenId } from '../../adapters/chains/evm/deriveTokenId.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../adapters/chains/evm/startAnvil.ts';
import { TRON_NETWORK_KIND } from '../../adapters/chains/tron/tronNetworkKind.ts';
import { readNetworks } from './readNetworks.ts';

const ROOT = HDKey.fromMasterSeed(mnemonicToSeedSync(ANVIL_DEFAULT_MNEMONIC));
const EVM_XPUB = ROOT.derive("m/44'/60'/0'").publicExtendedKey;
const TRON_XPUB = ROOT.derive("m/44'/195'/0'").publicExtendedKey;
const TRONGRID = 'https://api.trongrid.io/jsonrpc';
const USDT_TRON = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

describe('readNetworks: TRON', () => {
  it('offers the built-in TRON with rpcUrls and its own xpub: kind, HTTP API beside /jsonrpc, tronscan', () => {
    const [tron] = readNetworks({ xpub: EVM_XPUB, TRON: { rpcUrls: [TRONGRID], xpub: TRON_XPUB } });
    expect(tron).toMatchObject({
      key: 'TRON',
      kind: TRON_NETWORK_KIND,
      chainId: 728_126_428,
      standard: 'TRC20',
      confirmations: 19,
      rpcUrls: [TRONGRID],
      httpApiUrls: ['https://api.trongrid.io'],
      explorerUrl: 'https://tronscan.org',
      xpub: TRON_XPUB,
    });
    const usdt = tron?.tokens.find((t) => t.symbol === 'USDT');
    expect(usdt?.contract).toBe('0xa614f803b6fd780986a42c78ec9c7f77e6ded13c');
    expect(tron?.kind.formatWireAddress(usdt?.contract ?? '')).toBe(USDT_TRON);
    // Stable like every token id: derived from the key and the contract's 20 bytes.
    expect(usdt?.tokenId).toBe(deriveTokenId('TRON', '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c'));
    expect(tron?.tokens.find((t) => t.contract === null)).toMatchObject({ symbol: 'TRX', decimals: 6 });
  });

  it('does not take the EVM networks’ shared xpub', () => {
    const error = catchConfigError(
      () => readNetworks({ xpub: EVM_XPUB, TRON: { rpcUrls: [TRONGRID] } }),
      'networks.TRON.xpub',
    );
    expect(error.message).toContain("m/44'/195'/0'");
  });

  it('needs httpApiUrls when no RPC URL ends in /jsonrpc, and takes them when given', () => {
    const node = { rpcUrls: ['http://10.0.0.5:8545/'], xpub: TRON_XPUB };
    const error = catchConfigError(() => readNetworks({ TRON: node }), 'networks.TRON.httpApiUrls');
    expect(error.message).toContain('TRC-10');
    const [tron] = readNetworks({ TRON: { ...node, httpApiUrls: ['http://10.0.0.5:8090'] } });
    expect(tron?.httpApiUrls).toEqual(['http://10.0.0.5:8090']);
    catchConfigError(
      () => readNetworks({ TRON: { ...node, httpApiUrls: ['ftp://x'] } }),
      'networks.TRON.httpApiUrls[0]',
    );
    catchConfigError(
      () => readNetworks({ xpub: EVM_XPUB, ETH: { rpcUrls: [TRONGRID], httpApiUrls: ['http://x'] } }),
      'networks.ETH.httpApiUrls',
    );
  });

  it('refuses sweep settings on TRON rather than ignoring them, and ignores the shared sweepTo there', () => {
    const tron = { rpcUrls: [TRONGRID], xpub: TRON_XPUB };
    const error = catchConfigError(
      () => readNetworks({ TRON: { ...tron, sweepTo: USDT_TRON } }),
      'networks.TRON.sweepTo',
    );
    expect(error.message).toContain('not supported');
    const shared = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    const networks = readNetworks({
      xpub: EVM_XPUB,
      sweepTo: shared,
      ETH: { rpcUrls: ['https://eth.example'] },
      TRON: tron,
    });
    expect(networks.map((n) => [n.key, n.sweep?.to ?? null])).toEqual([
      ['ETH', shared],
      ['TRON', null],
    ]);
  });

  it('reads a custom TRON network (a testnet) with T… contracts, refusing hex and mistyped ones', () => {
    const nile = {
      kind: 'tron',
      chainId: 0xcd8690dc,
      rpcUrls: ['https://nile.trongrid.io/jsonrpc'],
      xpub: TRON_XPUB,
      confirmations: 19,
      blockTimeSeconds: 3,
      tokens: [{ symbol: 'USDT', contract: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf', decimals: 6, stable: true }],
    };
    const [network] = readNetworks({ NILE: nile });
    expect(network?.kind.name).toBe('tron');
    expect(network?.kind.formatWireAddress(network.tokens[0]?.contract ?? '')).toBe(
      'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf',
    );
    const hex = { ...nile, tokens: [{ ...nile.tokens[0], contract: '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c' }] };
    catchConfigError(() => readNetworks({ NILE: hex }), 'networks.NILE.tokens[0].contract');
    const typo = { ...nile, tokens: [{ ...nile.tokens[0], contract: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBg' }] };
    catchConfigError(() => readNetworks({ NILE: typo }), 'networks.NILE.tokens[0].contract');
    catchConfigError(() => readNetworks({ NILE: { ...nile, kind: 'solana' } }), 'networks.NILE.kind');
    catchConfigError(
      () => readNetworks({ TRON: { kind: 'evm', rpcUrls: [TRONGRID], xpub: TRON_XPUB } }),
      'networks.TRON.kind',
    ); // No websocket JSON-RPC on java-tron: refused at start, not when the watcher first connects.
    catchConfigError(
      () => readNetworks({ TRON: { rpcUrls: ['wss://tron.example/jsonrpc'], xpub: TRON_XPUB } }),
      'networks.TRON.rpcUrls',
    );
  });
});
