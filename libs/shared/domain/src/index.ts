export * from './uscc';
export * from './money';
export * from './password-policy';
export * from './project-stage';
export * from './mobile';
export * from './access';
