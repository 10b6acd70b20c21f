export * from './enums';
export * from './api';
export * from './labels';
export * from './crm';
export * from './cards';
export * from './notifications';
export * from './aftercare';
export * from './dashboard';
