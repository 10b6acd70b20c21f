import { applyDecorators } from '@nestjs/common';
import { CHINA_MOBILE, normalizeUscc, usccProblem } from '@lianqiao/domain';
import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min, registerDecorator, ValidationOptions } from 'class-validator';

const USCC_MESSAGES = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
  check: '统一社会信用代码校验位错误',
} as const;

/** A USCC checked by its GB 32100-2015 check character; the message says what is wrong. */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }) => (typeof value === 'string' ? normalizeUscc(value) : value))(target, propertyName);
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && usccProblem(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? USCC_MESSAGES[usccProblem(args.value) ?? 'check']
            : '统一社会信用代码应为 18 位字符串',
      },
    });
  };
}

/** A mainland China mobile number. */
export const IsChinaMobile = () => Matches(CHINA_MOBILE, { message: '请输入 11 位中国大陆手机号' });

/** Trims strings; empty strings become null so optional text fields can be cleared. */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** The largest value of PostgreSQL's integer: a version column's type. */
const INT4_MAX = 2 ** 31 - 1;

/**
 * A record's `version`, as a PATCH or DELETE sends back the one it read: an integer the version
 * column can hold (a larger one overflowed it: a 400 with no field), from `min` (0 for a record not
 * yet created, else 1).
 */
export const IsVersion = (min = 1) =>
  applyDecorators(
    IsInt({ message: '版本号应为整数 (version must be an integer)' }),
    Min(min, { message: `版本号不小于 ${min} (version too small)` }),
    Max(INT4_MAX, { message: '版本号超出范围 (version out of range)' }),
  );
