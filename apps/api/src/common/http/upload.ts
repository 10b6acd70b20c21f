import { ApiError } from '../errors/api-error';
import { inputError, textProblem } from './input-guard';

/**
 * The multipart edge, shared by the two upload routes (card images, imports): what the parser
 * refuses and what a file name may be. Multipart is read by the route itself, as a stream, so
 * these are called from there rather than from a hook.
 */

/** @fastify/multipart's limit errors, by code. */
const LIMITS: Record<string, string> = {
  FST_FILES_LIMIT: '一次只能上传一个文件 (one file per request)',
  FST_PARTS_LIMIT: '表单字段过多 (too many parts)',
  FST_FIELDS_LIMIT: '表单字段过多 (too many fields)',
  FST_PROTO_VIOLATION: '不允许的字段名 (forbidden field name)',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请以 multipart/form-data 上传 (not multipart)',
  FST_MP_PREMATURE_CLOSE: '上传未完成 (upload cut short)',
};

/**
 * The error to answer for one thrown while reading a multipart body: the file too large is a 413,
 * anything the parser (busboy) refuses — no boundary, a malformed part header, the body ending
 * inside a part — a 400 naming the file field. Errors of ours pass through.
 */
export function uploadRefusal(error: unknown, tooLarge: () => ApiError, field = 'file'): unknown {
  if (error instanceof ApiError) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  if (typeof code === 'string' && LIMITS[code]) return inputError(field, LIMITS[code], 'multipart');
  // busboy's own errors carry no code; they are all about the body's form.
  if (typeof message === 'string' && /multipart|boundary|part|unexpected end|malformed/i.test(message)) {
    return inputError(field, `上传格式有误 (malformed multipart: ${message})`, 'multipart');
  }
  return error;
}

/**
 * The name an uploaded file is known by: its last path segment (`../../etc/passwd` → `passwd`;
 * the name is a label, never a path on this server). Control characters, a NUL and lone
 * surrogates are refused, naming the file field.
 */
export function uploadFileName(raw: string | undefined, fallback: string, field = 'file'): string {
  const name = raw ?? '';
  const control = [...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f');
  const problem = textProblem(name) ?? (control ? '文件名含有控制字符 (control character in file name)' : null);
  if (problem) throw inputError(field, problem, 'multipart', { part: 'filename' });
  const base = name.split(/[\\/]/).pop()!.trim();
  return base === '' || base === '.' || base === '..' ? fallback : base.slice(0, 255);
}

/** A multipart text field's value, checked as any text at the edge is. */
export function uploadFieldValue(value: unknown, field: string): string {
  const text = String(value);
  const problem = textProblem(text);
  if (problem) throw inputError(field, problem, 'multipart');
  return text;
}
