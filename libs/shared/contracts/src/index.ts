export * from './enums';
export * from './api';
export * from './labels';
