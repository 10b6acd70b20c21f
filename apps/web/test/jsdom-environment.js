/**
 * jsdom without the Fetch API classes that Node has and React Router's data routers use
 * (`new Request(url, { signal })`). They are taken from Node, with Node's AbortController so that
 * a signal is accepted by Node's Request (as jest-fixed-jsdom does).
 */
const { TestEnvironment } = require('jest-environment-jsdom');

class ConsoleEnvironment extends TestEnvironment {
  constructor(...args) {
    super(...args);
    for (const name of [
      'fetch',
      'Request',
      'Response',
      'Headers',
      'AbortController',
      'AbortSignal',
      'ReadableStream',
      'structuredClone',
    ]) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = ConsoleEnvironment;
