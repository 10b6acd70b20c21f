export { applyServerErrors, type ServerErrorOutcome } from './server-errors';
export { FormErrorAlert } from './FormErrorAlert';
