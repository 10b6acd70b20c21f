import { HttpStatus } from '@nestjs/common';
import { type ApiErrorDetail, ErrorCode } from '@lianqiao/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { ApiError } from '../errors/api-error';
import { shape } from '../errors/all-exceptions.filter';

/**
 * The edge: what no route may ever see, refused in one place before routing reaches a DTO.
 * PostgreSQL cannot store a NUL (22021) and a lone surrogate or invalid UTF-8 is not text at all,
 * so such a value anywhere a client can put one — the path, the query, a JSON or form body, the
 * headers the API reads, a multipart field or file name — is a 400 naming it. JSON is also bounded
 * in depth (deep nesting overflowed the validator's recursion) and its integers to the exactly
 * representable ones (2^53 + 1 silently became 2^53 and then overflowed a column).
 */

/** Deeper than any DTO nests (the deepest is two levels); a request past it is not one of ours. */
export const MAX_JSON_DEPTH = 32;

/** Headers some route reads: their values must be text too (Node hands their bytes over as latin1). */
const READ_HEADERS = ['authorization', 'user-agent', 'content-type', 'if-none-match', 'accept-encoding', 'referer'];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type Where = 'path' | 'query' | 'body' | 'header' | 'multipart';

/** What is wrong with a piece of text, or null: a NUL, or a UTF-16 surrogate with no partner. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return '不能包含 NUL 字符 (NUL byte not allowed)';
  if (LONE_SURROGATE.test(text)) return '包含无效的 Unicode 字符 (lone surrogate)';
  return null;
}

/** A 400 naming the field, where it was, and why. */
export function inputError(field: string, message: string, where: Where, meta: Record<string, unknown> = {}): ApiError {
  const detail: ApiErrorDetail = { field, message, meta: { in: where, ...meta } };
  return new ApiError(HttpStatus.BAD_REQUEST, `${field}: ${message}`, [detail], ErrorCode.InputInvalid);
}

/** Throws for a string that is not text (see textProblem). */
export function assertText(text: string, field: string, where: Where): void {
  const problem = textProblem(text);
  if (problem) throw inputError(field, problem, where);
}

/**
 * Walks a parsed value without recursion (so depth cannot overflow the stack here) and throws for
 * the first string, key or number no field may hold. Fields are named as the validation pipe names
 * them: `contacts.0.email`.
 */
export function assertValue(value: unknown, where: Where, root = ''): void {
  const stack: Array<{ value: unknown; field: string; depth: number }> = [{ value, field: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, field, depth } = stack.pop()!;
    const name = field || (where === 'body' ? 'body' : where);
    if (typeof current === 'string') {
      assertText(current, name, where);
    } else if (typeof current === 'number') {
      if (Number.isInteger(current) && !Number.isSafeInteger(current)) {
        throw inputError(name, '数值超出范围 (number out of range)', where, { max: Number.MAX_SAFE_INTEGER });
      }
    } else if (typeof current === 'object' && current !== null) {
      if (depth >= MAX_JSON_DEPTH) {
        throw inputError(name, `嵌套层级过深 (nested deeper than ${MAX_JSON_DEPTH})`, where, {
          maxDepth: MAX_JSON_DEPTH,
        });
      }
      for (const [key, child] of Object.entries(current)) {
        const childField = field ? `${field}.${key}` : key;
        assertText(key, childField, where);
        if (key === '__proto__' || (key === 'constructor' && typeof child === 'object' && child !== null)) {
          throw inputError(childField, '不允许的字段名 (forbidden key)', where);
        }
        stack.push({ value: child, field: childField, depth: depth + 1 });
      }
    }
  }
}

/**
 * Percent-decodes a URL or form component strictly: a broken escape or bytes that are not UTF-8
 * are refused, where the router and the query parser would pass them on as they stand.
 */
export function decodeComponent(raw: string, field: string, where: Where, plusIsSpace = false): string {
  const text = plusIsSpace ? raw.replace(/\+/g, ' ') : raw;
  if (!text.includes('%')) {
    assertText(text, field, where);
    return text;
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25) {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw inputError(field, '百分号编码有误 (malformed percent-encoding)', where);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  const decoded = decodeUtf8(Buffer.from(bytes), field, where);
  assertText(decoded, field, where);
  return decoded;
}

/** Bytes as UTF-8 text, refusing bytes that are not (rather than replacing them with U+FFFD). */
export function decodeUtf8(bytes: Uint8Array, field: string, where: Where): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw inputError(field, '不是有效的 UTF-8 文本 (invalid UTF-8)', where);
  }
}

/** Each key and value of a query string or form body, checked; the first bad one throws. */
function assertQueryString(raw: string, where: Where): void {
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const key = decodeComponent(rawKey, where, where, true);
    if (eq >= 0) decodeComponent(pair.slice(eq + 1), key || where, where, true);
  }
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) throw inputError('body', '请求体为空 (empty JSON body)', 'body');
  const text = decodeUtf8(body, 'body', 'body');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError('body', `不是有效的 JSON (malformed JSON): ${(error as Error).message}`, 'body');
  }
  // Every body this API reads is an object: an array, a string or null would reach a DTO as its whole.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw inputError('body', '请求体应为 JSON 对象 (body must be a JSON object)', 'body');
  }
  assertValue(value, 'body');
  return value;
}

function parseForm(body: Buffer): Record<string, string | string[]> {
  const text = decodeUtf8(body, 'body', 'body');
  assertQueryString(text, 'body');
  const form: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === '__proto__' || key === 'constructor') throw inputError(key, '不允许的字段名 (forbidden key)', 'body');
    const known = form[key];
    form[key] = known === undefined ? value : Array.isArray(known) ? [...known, value] : [known, value];
  }
  return form;
}

/**
 * Installs the edge on the app's Fastify: the only JSON and form parsers (Fastify's text/plain one
 * goes: no route reads plain text, so such a body is a 415), and an onRequest check of the URL and
 * the headers the API reads. Multipart is read by its routes, through readUpload (upload.ts).
 */
export function installInputGuard(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJson(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit },
    (_request, body, done) => {
      try {
        done(null, parseForm(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  fastify.addHook('onRequest', async (request) => assertUrlAndHeaders(request));
}

function assertUrlAndHeaders(request: FastifyRequest): void {
  const at = request.url.indexOf('?');
  // The router decoded the path's parameters already (refusing broken escapes and bad UTF-8 itself).
  for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') assertText(value, name, 'path');
  }
  assertText(at < 0 ? request.url : request.url.slice(0, at), 'path', 'path');
  if (at >= 0) assertQueryString(request.url.slice(at + 1), 'query');
  for (const name of READ_HEADERS) {
    const value = request.headers[name];
    if (typeof value !== 'string') continue;
    const text = /[\u0080-\uffff]/.test(value) ? decodeUtf8(Buffer.from(value, 'latin1'), name, 'header') : value;
    assertText(text, name, 'header');
  }
}

/**
 * The router's own refusals — a broken escape or bytes that are not UTF-8 in the path, a path
 * parameter too long — come before any hook or filter (Fastify's `frameworkErrors`): answered here
 * in the one shape. No route was matched, so the field is the path.
 */
export function routerRefusal(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : 400;
  const message = tooLong
    ? '路径参数过长 (path parameter too long)'
    : '路径编码有误 (malformed path: broken percent-encoding or invalid UTF-8)';
  void reply
    .status(status)
    .send(
      shape(status, `path: ${message}`, [{ field: 'path', message, meta: { in: 'path' } }], ErrorCode.InputInvalid),
    );
}

/**
 * Node's HTTP parser refuses a request it cannot read (a NUL or a bare CR in a header, headers too
 * large) before Fastify sees it (`clientErrorHandler`): the answer is still the one shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const message = status === 431 ? '请求头过大 (headers too large)' : '请求无法解析 (malformed HTTP request)';
  const body = JSON.stringify(
    shape(status, message, [{ field: 'headers', message, meta: { in: 'header' } }], ErrorCode.InputInvalid),
  );
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
