import type { FastifyRequest } from 'fastify';

const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The absolute origin for links that leave the site (share links, QR codes, og tags):
 * PUBLIC_BASE_URL when configured, else the host the request came to (a proxy's X-Forwarded-*
 * headers count, as the app trusts its proxy). A host that does not look like one is not echoed.
 */
export function publicBaseUrl(configured: string | null, request: Pick<FastifyRequest, 'protocol' | 'host'>): string {
  if (configured) return configured.replace(/\/+$/, '');
  const host = SAFE_HOST.test(request.host ?? '') ? request.host : 'localhost';
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  return `${protocol}://${host}`;
}
