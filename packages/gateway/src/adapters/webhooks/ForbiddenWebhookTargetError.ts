import { BaseError } from '../../core/BaseError.ts';
import type { AddressClass, Ipv4Embedding } from './classifyAddress.ts';
import { classifyAddress } from './classifyAddress.ts';

const CLASS_PHRASES = {
  public: 'a public address',
  invalid: 'not a valid IP address',
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  private: 'a private address',
  'link-local': 'a link-local address',
  'carrier-grade-nat': 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  documentation: 'a documentation address',
  benchmarking: 'a benchmarking address',
  metadata: 'a cloud metadata address',
} as const satisfies Record<AddressClass, string>;

const EMBEDDING_PHRASES = {
  'ipv4-mapped': 'IPv4-mapped',
  'ipv4-compatible': 'IPv4-compatible',
  nat64: 'NAT64',
  '6to4': '6to4',
} as const satisfies Record<Ipv4Embedding, string>;

/**
 * A webhook target refused by the address guard, e.g. `webhook target example.com resolves to a
 * private address (10.0.0.5)`. Carries the host, the refused address and its class.
 */
export class ForbiddenWebhookTargetError extends BaseError {
  override readonly name = 'ForbiddenWebhookTargetError';
  readonly code = 'forbidden_webhook_target';
  readonly host: string;
  readonly address: string;
  readonly addressClass: AddressClass;

  constructor({ host, address }: { host: string; address: string }) {
    const { addressClass, embeddedIpv4, embedding } = classifyAddress(address);
    const via = embeddedIpv4 !== null && embedding !== null ? `, ${EMBEDDING_PHRASES[embedding]} ${embeddedIpv4}` : '';
    const phrase = CLASS_PHRASES[addressClass];
    super(
      host === address
        ? `webhook target ${address} is ${phrase}${via === '' ? '' : ` (${via.slice(2)})`}`
        : `webhook target ${host} resolves to ${phrase} (${address}${via})`,
    );
    this.host = host;
    this.address = address;
    this.addressClass = addressClass;
  }
}
