import type { NetworkInterfaceInfo } from 'node:os';
import { lanAddress, shareAddressLine } from './share-address';

const nic = (address: string, internal: boolean, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

describe(lanAddress.name, () => {
  it('takes the first non-internal IPv4 address, past loopback and IPv6', () => {
    expect(
      lanAddress({
        lo: [nic('127.0.0.1', true)],
        wlan0: [nic('fe80::1', false, 'IPv6'), nic('192.168.1.23', false)],
        eth1: [nic('10.0.0.5', false)],
      }),
    ).toBe('192.168.1.23');
    expect(lanAddress({ lo: [nic('127.0.0.1', true)] })).toBeNull();
  });
});

describe(shareAddressLine.name, () => {
  it('names PUBLIC_BASE_URL when it is set', () => {
    expect(shareAddressLine(3000, 'https://zs.example.gov.cn/', '0.0.0.0', '192.168.1.23')).toBe(
      '  Share links: https://zs.example.gov.cn (PUBLIC_BASE_URL)',
    );
  });

  it('without it, gives the LAN address phones can open, and says why', () => {
    expect(shareAddressLine(3000, null, '0.0.0.0', '192.168.1.23')).toBe(
      '  On phones: http://192.168.1.23:3000/  (open the console there before sharing cards, or set PUBLIC_BASE_URL)',
    );
  });

  it('says when no phone can reach the server at all', () => {
    for (const [host, lan] of [
      ['127.0.0.1', '192.168.1.23'],
      ['0.0.0.0', null],
    ] as const) {
      expect(shareAddressLine(3000, null, host, lan)).toContain('phones cannot open them. Set PUBLIC_BASE_URL');
    }
  });
});
