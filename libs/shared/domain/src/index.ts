export * from './uscc';
export * from './money';
export * from './password-policy';
