import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations.ts';

/** Values the platform really holds, by field name, so generated bodies reach past "not found". */
export type KnownValues = Record<string, readonly unknown[]>;

const types = (s: JsonSchema): string[] => (s.type === undefined ? [] : [s.type].flat());

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  const maxLength = Math.min(s.maxLength ?? 40, 40);
  if (s.pattern) {
    // Patterns bounded by length are generated as such; the length bounds still apply.
    const min = s.minLength ?? 0;
    const max = s.maxLength ?? Number.POSITIVE_INFINITY;
    return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
  }
  return fc.string({
    minLength: s.minLength ?? 0,
    maxLength: Math.max(maxLength, s.minLength ?? 0),
    unit: 'grapheme',
  });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum === undefined ? undefined : s.exclusiveMinimum + 1);
  const max = s.maximum ?? (s.exclusiveMaximum === undefined ? undefined : s.exclusiveMaximum - 1);
  const ints = fc.integer({
    min: Math.max(min ?? -(2 ** 31), -(2 ** 31)),
    max: Math.min(max ?? 2 ** 31, 2 ** 31),
  });
  const bounds = [min, max].filter((v) => v !== undefined);
  if (integer) return bounds.length > 0 ? fc.oneof(ints, fc.constantFrom(...bounds)) : ints;
  return fc.oneof(
    ints,
    fc.double({
      noNaN: true,
      noDefaultInfinity: true,
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    }),
  );
}

/**
 * Values that the schema accepts (as far as a JSON Schema can say: services may still
 * refuse them), mixed with the platform's real values for fields of those names.
 *
 * @example
 * fc.sample(conformingValue(op.body, known), { seed: 1, numRuns: 10 });
 */
export function conformingValue(
  s: JsonSchema,
  known: KnownValues = {},
  field?: string,
): fc.Arbitrary<unknown> {
  const real = field === undefined ? undefined : known[field];
  const own = schemaValue(s, known);
  return real && real.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, own) : own;
}

function schemaValue(s: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => schemaValue(a, known)));
  const kinds = types(s);
  if (kinds.length > 1) return fc.oneof(...kinds.map((t) => schemaValue({ ...s, type: t }, known)));
  switch (kinds[0]) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? schemaValue(s.items, known) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    case 'object': {
      const props = s.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, sub] of Object.entries(props)) record[name] = conformingValue(sub, known, name);
      return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const hundredKb = 'x'.repeat(100 * 1024);

/** Values of the right JSON type at the edges: huge, negative, fractional, NUL bytes, odd unicode. */
export function edgeValuesFor(s: JsonSchema): unknown[] {
  const kinds = new Set(types(s));
  for (const alt of s.anyOf ?? s.oneOf ?? []) for (const t of types(alt)) kinds.add(t);
  const out: unknown[] = [];
  if (kinds.has('string') || kinds.size === 0)
    out.push(hundredKb, 'a\u0000b', '\u0000', '\ud800', '😀\u202e\u0301', '../../etc/passwd', ' ', '');
  if (kinds.has('integer') || kinds.has('number'))
    out.push(
      -1,
      0,
      0.5,
      -0.000001,
      1e308,
      -1e308,
      2 ** 53,
      2 ** 63,
      -(2 ** 63),
      Number.MAX_SAFE_INTEGER,
      1e21,
    );
  if (kinds.has('array'))
    out.push(
      Array.from({ length: 10_000 }, () => 1),
      [],
    );
  return out;
}

/** Values of every JSON type the schema does not accept. */
export function wrongTypeValuesFor(s: JsonSchema): unknown[] {
  const kinds = new Set(types(s));
  for (const alt of s.anyOf ?? s.oneOf ?? []) for (const t of types(alt)) kinds.add(t);
  if (kinds.size === 0) return [];
  const samples: Array<[string, unknown]> = [
    ['string', 'not-the-type'],
    ['number', 12.5],
    ['boolean', true],
    ['null', null],
    ['array', ['x']],
    ['object', { nested: 'x' }],
  ];
  // 12.5 is the wrong type for an integer field too.
  return samples.filter(([t]) => !kinds.has(t)).map(([, v]) => v);
}
