import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ApiErrorDetail } from '@lianqiao/contracts';
import { cacheValidationMetadata } from '../validation/metadata-cache';
import { ApiError } from './api-error';

function flatten(errors: ValidationError[], prefix = ''): ApiErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? `未知字段 ${field} (unknown field)` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Rejects unknown fields and names every bad field in the API's error shape. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = [...new Set(details.map((d) => d.field))].join(', ');
      return new ApiError(HttpStatus.BAD_REQUEST, `输入有误 (invalid input): ${fields}`, details);
    },
  });
}
