import { configure } from '@testing-library/dom';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these; qrcode and i18n code paths need them.
Object.assign(globalThis, { TextEncoder, TextDecoder });

/**
 * antd's forms schedule work with `new MessageChannel()`, which jsdom lacks. Node's own would keep
 * jest from exiting (an open port per call), so this one delivers each message on a timer.
 */
class TimerMessagePort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  other: TimerMessagePort | null = null;
  postMessage(data: unknown) {
    const target = this.other;
    setTimeout(() => target?.onmessage?.({ data }), 0);
  }
  close() {
    this.onmessage = null;
  }
  start() {}
  addEventListener() {}
  removeEventListener() {}
}
class TimerMessageChannel {
  port1 = new TimerMessagePort();
  port2 = new TimerMessagePort();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}
Object.assign(globalThis, { MessageChannel: TimerMessageChannel });

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

// antd's menus and overflow lists measure themselves; jsdom has no layout, so nothing is ever resized.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: NoResizeObserver });

// Screens load lazily and this machine is shared: give findBy* queries more than the default second.
// (@testing-library/dom's own configure: importing the react package here, before jest's globals
// exist, would stop it from registering its automatic cleanup after each test.)
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('@testing-library/dom').configure({ asyncUtilTimeout: 5000 });

// antd measures the scrollbar through a pseudo-element when a modal opens; jsdom implements only
// the element itself and logs an error for the rest.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// antd renders validation and popups asynchronously; on a loaded 2-core machine that can take more
// than testing-library's default second, so its findBy* queries wait up to ten.
configure({ asyncUtilTimeout: 10_000 });
