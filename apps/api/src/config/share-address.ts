import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** The machine's first non-internal IPv4 address (what phones on the same network can reach), or null. */
export function lanAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string | null {
  for (const entries of Object.values(interfaces)) {
    const ipv4 = entries?.find((entry) => entry.family === 'IPv4' && !entry.internal);
    if (ipv4) return ipv4.address;
  }
  return null;
}

/**
 * The banner's line on share links. Cards' links and QR codes use PUBLIC_BASE_URL; without it they
 * use the address the console was opened at, so a console opened as localhost would print posters
 * that no phone can open: the banner names the LAN address to open it at instead.
 */
export function shareAddressLine(
  port: number,
  publicBaseUrl: string | null,
  host: string,
  lan: string | null = lanAddress(),
): string {
  if (publicBaseUrl) return `  Share links: ${publicBaseUrl.replace(/\/+$/, '')} (PUBLIC_BASE_URL)`;
  const loopbackOnly = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  if (!lan || loopbackOnly) {
    return '  Share links: this machine only; phones cannot open them. Set PUBLIC_BASE_URL (and HOST=0.0.0.0)';
  }
  return `  On phones: http://${lan}:${port}/  (open the console there before sharing cards, or set PUBLIC_BASE_URL)`;
}
