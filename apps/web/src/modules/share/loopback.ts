/**
 * Whether a link points at this computer only (localhost, 127.x, ::1, 0.0.0.0): a phone that scans
 * it opens its own loopback, not the server. It happens when the console is opened as localhost and
 * the server has no PUBLIC_BASE_URL.
 */
export function isLoopbackLink(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]'
  );
}
