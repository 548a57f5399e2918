// Guards the one child step behind every deposit address against BIP-32's published test vectors.
import { secp256k1 } from '@noble/curves/secp256k1';
import { HDKey } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { createExternalChainKey } from './createExternalChainKey.ts';
import { derivePublicChild, type PublicNode } from './derivePublicChild.ts';

// bitcoin/bips, bip-0032.mediawiki, "Test Vectors": each parent's ext pub, a non-hardened index and
// the child's ext pub.
const VECTORS = [
  {
    name: 'vector 1, m/0H → m/0H/1',
    parent:
      'xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw',
    index: 1,
    child:
      'xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ',
  },
  {
    name: 'vector 1, m/0H/1/2H → m/0H/1/2H/2',
    parent:
      'xpub6D4BDPcP2GT577Vvch3R8wDkScZWzQzMMUm3PWbmWvVJrZwQY4VUNgqFJPMM3No2dFDFGTsxxpG5uJh7n7epu4trkrX7x7DogT5Uv6fcLW5',
    index: 2,
    child:
      'xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV',
  },
  {
    name: 'vector 1, m/0H/1/2H/2 → m/0H/1/2H/2/1000000000',
    parent:
      'xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV',
    index: 1_000_000_000,
    child:
      'xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy',
  },
  {
    name: 'vector 2, m → m/0',
    parent:
      'xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB',
    index: 0,
    child:
      'xpub69H7F5d8KSRgmmdJg2KhpAK8SR3DjMwAdkxj3ZuxV27CprR9LgpeyGmXUbC6wb7ERfvrnKZjXoUmmDznezpbZb7ap6r1D3tgFxHmwMkQTPH',
  },
  {
    name: 'vector 2, m/0/2147483647H → m/0/2147483647H/1',
    parent:
      'xpub6ASAVgeehLbnwdqV6UKMHVzgqAG8Gr6riv3Fxxpj8ksbH9ebxaEyBLZ85ySDhKiLDBrQSARLq1uNRts8RuJiHjaDMBU4Zn9h8LZNnBC5y4a',
    index: 1,
    child:
      'xpub6DF8uhdarytz3FWdA8TvFSvvAh8dP3283MY7p2V4SeE2wyWmG5mg5EwVvmdMVCQcoNJxGoWaU9DCWh89LojfZ537wTfunKau47EL2dhHKon',
  },
  {
    name: 'vector 2, m/0/2147483647H/1/2147483646H → …/2',
    parent:
      'xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL',
    index: 2,
    child:
      'xpub6FnCn6nSzZAw5Tw7cgR9bi15UV96gLZhjDstkXXxvCLsUXBGXPdSnLFbdpq8p9HmGsApME5hQTZ3emM2rnY5agb9rXpVGyy3bdW6EEgAtqt',
  },
];

/** An ext pub as BIP-32 serialises it: the compressed key and the chain code, in hex. */
function decode(xpub: string): { publicKey: string; chainCode: string } {
  const key = HDKey.fromExtendedKey(xpub);
  if (key.publicKey === null || key.chainCode === null) throw new Error('not an ext pub');
  return {
    publicKey: Buffer.from(key.publicKey).toString('hex'),
    chainCode: Buffer.from(key.chainCode).toString('hex'),
  };
}

function toNode(xpub: string): PublicNode {
  const { publicKey, chainCode } = decode(xpub);
  const { x, y } = secp256k1.ProjectivePoint.fromHex(publicKey).toAffine();
  return { point: { x, y }, chainCode: Buffer.from(chainCode, 'hex') };
}

function encode(node: PublicNode): { publicKey: string; chainCode: string } {
  const point = secp256k1.ProjectivePoint.fromAffine(node.point);
  return { publicKey: point.toHex(true), chainCode: Buffer.from(node.chainCode).toString('hex') };
}

describe('derivePublicChild', () => {
  for (const vector of VECTORS) {
    it(`reproduces BIP-32 ${vector.name}`, () => {
      const child = derivePublicChild(toNode(vector.parent), vector.index);
      if (child === undefined) throw new Error('no child');
      expect(encode(child)).toEqual(decode(vector.child));
    });
  }
});

describe('createExternalChainKey', () => {
  it("derives BIP-32 vector 2's m/0 from its master xpub", () => {
    const [, , , master] = VECTORS;
    if (master === undefined) throw new Error('vector missing');
    expect(encode(createExternalChainKey(master.parent))).toEqual(decode(master.child));
  });

  it('throws the parser’s error on a bad xpub', () => {
    const [vector] = VECTORS;
    expect(() => createExternalChainKey(`${vector?.parent.slice(0, -1)}x`)).toThrow(/checksum/);
  });
});
