export * from './escape';
export * from './figures';
export * from './assets';
export * from './render';
