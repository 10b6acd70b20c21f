import type { Messages } from '../../../shared/i18n/zh-CN';

/** The share package in English: every key of ./zh-CN.ts, checked by the compiler. */
export const shareEn: Messages['share'] = {
  title: 'My share package',
  intro:
    'This link and QR code carry your referral code ({{code}}): interests investors register through them become your leads.',
  notLive: 'A card can be shared once it is live',
  notLiveHint: 'Only approved cards that are neither paused nor expired have share packages.',
  link: 'Link',
  copyLink: 'Copy link',
  openLink: 'Open',
  copied: 'Copied to the clipboard',
  copyFailed: 'Could not copy: select the text and copy it by hand',
  qr: 'QR code',
  qrAlt: 'QR code of the card',
  downloadSvg: 'SVG (vector)',
  downloadPngScreen: 'PNG (screen, 512 px)',
  downloadPngPrint: 'PNG (print, 2048 px)',
  qrHint: 'For print use 2048 px or SVG; for screens and chats 512 px',
  poster: 'Poster',
  posterAlt: 'Poster of {{title}}',
  posterDrawing: 'Drawing the poster…',
  posterFailed: 'The poster could not be drawn: {{reason}}',
  posterRetry: 'Try again',
  downloadPoster: 'Download poster PNG (1080×1920)',
  posterHint: 'In WeChat, press and hold the poster to save it or send it to a friend',
  text: 'Text for WeChat',
  copyText: 'Copy text',
  downloadFailed: 'Download failed: {{reason}}',
  loopbackTitle: 'This link opens on this computer only: a phone that scans it cannot open it',
  loopbackHint:
    'The link’s address is {{host}} (this computer). Open the console by the computer’s LAN address or the public domain before sharing, or ask an admin to set PUBLIC_BASE_URL (e.g. https://zs.example.gov.cn).',
};
