import {
  type ArgumentMetadata,
  ParseIntPipe as NestParseIntPipe,
  ParseUUIDPipe as NestParseUUIDPipe,
  type PipeTransform,
} from '@nestjs/common';
import { ApiError } from '../errors/api-error';

/**
 * Nest's parameter pipes, whose refusal names the parameter: theirs say only "Validation failed
 * (uuid is expected)", with no field for a client to show. Controllers import these instead.
 */
export class ParseUUIDPipe implements PipeTransform<string, Promise<string>> {
  private readonly nest = new NestParseUUIDPipe();

  async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return await this.nest.transform(value, metadata);
    } catch {
      throw ApiError.field(metadata.data ?? 'id', '应为 UUID (uuid is expected)');
    }
  }
}

/** Integers a parameter may carry (a `version`): PostgreSQL's integer, so a larger one is a 400, not an overflow. */
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

export class ParseIntPipe implements PipeTransform<string, Promise<number>> {
  private readonly nest = new NestParseIntPipe();

  async transform(value: string, metadata: ArgumentMetadata): Promise<number> {
    let parsed: number | undefined;
    try {
      parsed = await this.nest.transform(value, metadata);
    } catch {
      // refused below
    }
    if (parsed === undefined || parsed < INT_MIN || parsed > INT_MAX) {
      throw ApiError.field(metadata.data ?? 'value', `应为整数 ${INT_MIN}–${INT_MAX} (integer expected)`);
    }
    return parsed;
  }
}

/** One of the values of an enum-like object, named in the refusal. */
export class ParseEnumPipe<T extends Record<string, string>> implements PipeTransform<string, Promise<T[keyof T]>> {
  private readonly values: string[];

  constructor(enumType: T) {
    this.values = Object.values(enumType);
  }

  async transform(value: string, metadata: ArgumentMetadata): Promise<T[keyof T]> {
    if (this.values.includes(value)) return value as T[keyof T];
    throw ApiError.field(metadata.data ?? 'value', `应为 ${this.values.join(', ')} 之一`, { allowed: this.values });
  }
}
