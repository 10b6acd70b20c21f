import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these; qrcode and i18n code paths need them.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// antd's responsive components ask for matchMedia, which jsdom does not have.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
