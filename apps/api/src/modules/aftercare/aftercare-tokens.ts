import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

/** 128 random bits, base64url: 22 characters, short enough for a dense-free QR code. */
export function newAftercareToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The QR code of a link as an SVG document, sized for a screen and printable as is. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 512 });
}
