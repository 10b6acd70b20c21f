import { ApiError } from '../errors/api-error';
import { assertValue, decodeComponent, MAX_JSON_DEPTH, textProblem } from './input-guard';

/** The field a refusal names, or null when the value passes. */
function refusal(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (error.getResponse() as { details: Array<{ field: string }> }).details[0].field;
  }
}

describe('input guard', () => {
  describe(textProblem.name, () => {
    it.each(['', '招商 𠮷', 'a\u200b\u202eb', 'tab\tand\nnewline'])('passes %p', (text) => {
      expect(textProblem(text)).toBeNull();
    });
    it.each(['a\u0000b', 'a\ud800b', '\udc00', 'x\ud83d'])('refuses %p', (text) => {
      expect(textProblem(text)).not.toBeNull();
    });
  });

  describe(assertValue.name, () => {
    it('names the nested field at fault, as the validation pipe does', () => {
      expect(refusal(() => assertValue({ contacts: [{ email: 'a\ud800' }] }, 'body'))).toBe('contacts.0.email');
      expect(refusal(() => assertValue({ ['k\u0000']: 1 }, 'body'))).toBe('k\u0000');
    });
    it('refuses integers past 2^53, prototype keys and nesting past the bound', () => {
      expect(refusal(() => assertValue({ version: 2 ** 53 + 2 }, 'body'))).toBe('version');
      expect(refusal(() => assertValue(JSON.parse('{"__proto__":{"x":1}}'), 'body'))).toBe('__proto__');
      expect(refusal(() => assertValue({ constructor: { prototype: {} } }, 'body'))).toBe('constructor');
      let deep: unknown = 1;
      for (let i = 0; i < MAX_JSON_DEPTH + 1; i++) deep = [deep];
      expect(refusal(() => assertValue({ deep }, 'body'))).toMatch(/^deep(\.0)+$/);
    });
    it('passes ordinary bodies, fractions and nulls included (the DTO judges those)', () => {
      expect(refusal(() => assertValue({ name: '企业', amount: 1.5, tags: ['a', null], at: null }, 'body'))).toBeNull();
    });
    it('refuses 1e308, a number JSON holds but no field can', () => {
      expect(refusal(() => assertValue({ amount: 1e308 }, 'body'))).toBe('amount');
    });
  });

  describe(decodeComponent.name, () => {
    it('decodes UTF-8 escapes and + as a space in forms', () => {
      expect(decodeComponent('%E6%8B%9B%E5%95%86+a', 'q', 'query', true)).toBe('招商 a');
    });
    it.each(['%FF', '%ED%A0%80', '%ZZ', 'a%0', '%00'])('refuses %p, naming the field', (raw) => {
      expect(refusal(() => decodeComponent(raw, 'q', 'query'))).toBe('q');
    });
  });
});
