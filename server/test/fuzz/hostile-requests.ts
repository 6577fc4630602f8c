import fc from 'fast-check';
import { type JsonSchema, type Operation, pathParameterNames } from './openapi-operations.ts';
import { conformingValue, edgeValuesFor, type KnownValues, wrongTypeValuesFor } from './schema-arbitrary.ts';

/** One request the fuzzer sends, before the caller's credentials are added. */
export interface FuzzRequest {
  label: string;
  /**
   * Wrong in a way no caller gets past (malformed, wrong type, missing field…): it must be
   * refused, and the database must not change.
   */
  mustRefuse: boolean;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface Generation {
  seed: number;
  /** How many schema-generated bodies or queries per operation and caller. */
  runs: number;
  known: KnownValues;
  realPathValue(path: string, name: string): string;
}

const json = { 'content-type': 'application/json' };

/** The operation's URL with each `{name}` replaced (already encoded values pass through raw). */
export function operationUrl(op: Operation, values: Record<string, string>, query = ''): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'x');
  return query ? `${path}?${query}` : path;
}

function realUrl(op: Operation, g: Generation, query = ''): string {
  const values: Record<string, string> = {};
  for (const name of pathParameterNames(op.path)) {
    const real = g.realPathValue(op.path, name);
    values[name] =
      name === '*' ? real.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(real);
  }
  return operationUrl(op, values, query);
}

/** A body the schema accepts, the same for every run of one seed: the base that mutations vary. */
export function sampleBody(schema: JsonSchema, g: Generation): Record<string, unknown> {
  const [value] = fc.sample(conformingValue(schema, g.known), { seed: g.seed, numRuns: 1 });
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

const isObjectSchema = (s: JsonSchema | undefined): s is JsonSchema =>
  !!s && (s.type === 'object' || !!s.properties);

/** Bodies no route may accept, whatever it expects: malformed, non-UTF-8, polluting, wrongly typed. */
export function transportRequests(op: Operation, g: Generation, bodyLimit: number): FuzzRequest[] {
  if (op.method === 'GET') return [];
  const url = realUrl(op, g);
  const takesObject = isObjectSchema(op.body);
  const base = takesObject ? JSON.stringify(sampleBody(op.body as JsonSchema, g)) : '{}';
  const depth = 10_000;
  const refuse = (label: string, headers: Record<string, string>, payload?: string | Buffer) => ({
    label,
    mustRefuse: true,
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  const out: FuzzRequest[] = [
    refuse('empty JSON body', json, ''),
    refuse('malformed JSON', json, '{"a": '),
    refuse('JSON with a trailing comma', json, '{"a": 1,}'),
    refuse('invalid UTF-8', json, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    refuse('overlong UTF-8', json, Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d])),
    refuse('__proto__ key', json, `{"__proto__":{"isAdmin":true},${base.slice(1)}`),
    refuse('nested __proto__ key', json, `{"x":{"__proto__":{"polluted":1}},${base.slice(1)}`),
    refuse('constructor.prototype key', json, `{"constructor":{"prototype":{"polluted":1}},${base.slice(1)}`),
    refuse('body over the limit', json, `{"a":"${'x'.repeat(bodyLimit + 10)}"}`),
    refuse('form body', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&b=2'),
    refuse('xml body', { 'content-type': 'application/xml' }, '<a>1</a>'),
  ];
  if (takesObject) {
    out.push(
      refuse('no body at all', {}),
      refuse('JSON array', json, '[]'),
      refuse('array of the body', json, `[${base}]`),
      refuse('JSON null', json, 'null'),
      refuse('JSON string', json, '"text"'),
      refuse('JSON number', json, '1e309'),
      refuse('text/plain body', { 'content-type': 'text/plain' }, base),
      refuse(
        'multipart with no parts',
        { 'content-type': 'multipart/form-data; boundary=fuzz' },
        '--fuzz--\r\n',
      ),
      refuse('deep array', json, `${'['.repeat(depth)}${']'.repeat(depth)}`),
    );
    const schema = op.body as JsonSchema;
    const strict = schema.additionalProperties === false || (schema.required ?? []).length > 0;
    out.push({
      label: 'object nested 10,000 deep',
      mustRefuse: strict,
      url,
      headers: json,
      payload: `{"deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
    });
  }
  return out;
}

/** A request known to be valid: its URL and body. */
export interface ValidBase {
  url: string;
  body: Record<string, unknown>;
}

/**
 * One field at a time made wrong (must refuse) or extreme (may pass), over a base: the
 * valid requests given (each used once in turn), else a body generated from the schema.
 */
export function fieldRequests(op: Operation, g: Generation, valid: readonly ValidBase[] = []): FuzzRequest[] {
  if (!isObjectSchema(op.body)) return [];
  const schema = op.body;
  const generated = { url: realUrl(op, g), body: sampleBody(schema, g) };
  let turn = 0;
  let base = generated.body;
  let url = generated.url;
  const out: FuzzRequest[] = [];
  const send = (label: string, mustRefuse: boolean, body: Record<string, unknown> | string) => {
    out.push({
      label,
      mustRefuse,
      url,
      headers: json,
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const next = valid[turn++ % Math.max(valid.length, 1)] ?? generated;
    base = next.body;
    url = next.url;
  };
  if (valid[0]) {
    base = valid[0].body;
    url = valid[0].url;
    turn = 1;
  }
  for (const name of schema.required ?? []) {
    const { [name]: _, ...rest } = base;
    send(`missing required ${name}`, true, rest);
  }
  if (schema.additionalProperties === false) send('unknown extra field', true, { ...base, zz_unknown: 1 });
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    for (const v of wrongTypeValuesFor(sub))
      send(`${name} as ${JSON.stringify(v)}`, true, { ...base, [name]: v });
    for (const v of edgeValuesFor(sub))
      send(`${name} = ${JSON.stringify(v).slice(0, 40)}`, false, { ...base, [name]: v });
    const types = [sub.type ?? sub.anyOf?.map((a) => a.type)].flat();
    if (types.includes('number') || types.includes('integer')) {
      // 1e309 is Infinity once parsed: JSON text is the only way to send it.
      send(
        `${name} = 1e309`,
        true,
        JSON.stringify({ ...base, [name]: 0 }).replace(`"${name}":0`, `"${name}":1e309`),
      );
      send(
        `${name} = -1e309`,
        true,
        JSON.stringify({ ...base, [name]: 0 }).replace(`"${name}":0`, `"${name}":-1e309`),
      );
    }
  }
  return out;
}

const hundredKb = 'q'.repeat(100 * 1024);

/** Query parameters with wrong, repeated, array-shaped and extreme values. */
export function queryRequests(op: Operation, g: Generation): FuzzRequest[] {
  const params = op.parameters.filter((p) => p.in === 'query');
  if (params.length === 0) return [];
  const body = isObjectSchema(op.body) ? JSON.stringify(sampleBody(op.body, g)) : undefined;
  const valid = params
    .filter((p) => p.required)
    .map((p) => {
      const [v] = fc.sample(conformingValue(p.schema, g.known, p.name), { seed: g.seed, numRuns: 1 });
      return `${p.name}=${encodeURIComponent(String(v))}`;
    });
  const out: FuzzRequest[] = [];
  const send = (label: string, query: string) =>
    out.push({
      label,
      mustRefuse: false,
      url: realUrl(op, g, query),
      headers: body ? json : {},
      ...(body ? { payload: body } : {}),
    });
  send('no query', '');
  for (const p of params) {
    const others = valid.filter((v) => !v.startsWith(`${p.name}=`));
    for (const value of [
      '',
      'abc',
      '-1',
      '0.5',
      '1e309',
      '99999999999999999999999',
      '%00',
      '%ff',
      '😀',
      hundredKb,
    ])
      send(`${p.name}=${value.slice(0, 20)}`, [...others, `${p.name}=${value}`].join('&'));
    send(`${p.name} repeated`, [...others, `${p.name}=1`, `${p.name}=2`].join('&'));
    send(`${p.name}[] array`, [...others, `${p.name}[]=1`, `${p.name}[]=2`].join('&'));
    send(`${p.name}[k] object`, [...others, `${p.name}[k]=1`].join('&'));
  }
  send('unknown parameter', [...valid, 'zz_unknown=1', '__proto__=1', 'constructor=1'].join('&'));
  return out;
}

/** Each path parameter replaced by a hostile or random value, the others real. */
export function pathRequests(op: Operation, g: Generation): FuzzRequest[] {
  const names = pathParameterNames(op.path);
  if (names.length === 0) return [];
  const body = isObjectSchema(op.body) ? JSON.stringify(sampleBody(op.body, g)) : undefined;
  const randomIds = fc.sample(fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }), {
    seed: g.seed,
    numRuns: Math.max(2, Math.floor(g.runs / 2)),
  });
  const hostile = [
    '..',
    '%2e%2e',
    '..%2f..%2fetc%2fpasswd',
    '..%2f..%2f..%2f..%2fpackage.json',
    '%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
    '..%5c..%5c..%5cpackage.json',
    '%00',
    'a%00b',
    'x'.repeat(199),
    'x'.repeat(5000),
    encodeURIComponent('测试😀'),
    '%ff%fe',
    '%E0%A4%A',
    '%',
    '0',
    '-1',
    '1e309',
    ...randomIds.map(encodeURIComponent),
  ];
  const out: FuzzRequest[] = [];
  for (const name of names) {
    for (const value of hostile) {
      const values: Record<string, string> = {};
      for (const other of names) values[other] = encodeURIComponent(g.realPathValue(op.path, other));
      values[name] = value;
      out.push({
        label: `path ${name}=${value.slice(0, 30)}`,
        mustRefuse: false,
        url: operationUrl(op, values),
        headers: body ? json : {},
        ...(body ? { payload: body } : {}),
      });
    }
  }
  return out;
}

/** Bodies (and required queries) generated from the schema, with real values mixed in. */
export function conformingRequests(op: Operation, g: Generation): FuzzRequest[] {
  const query = op.parameters.filter((p) => p.in === 'query');
  const queryArb = fc.record(
    Object.fromEntries(query.map((p) => [p.name, conformingValue(p.schema, g.known, p.name)])),
    { requiredKeys: query.filter((p) => p.required).map((p) => p.name) },
  );
  const bodyArb = isObjectSchema(op.body) ? conformingValue(op.body, g.known) : fc.constant(undefined);
  const samples = fc.sample(fc.tuple(queryArb, bodyArb, fc.anything({ maxDepth: 2 })), {
    seed: g.seed,
    numRuns: g.runs,
  });
  return samples.map(([q, body, anything], i) => {
    const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
    // Every fourth run sends fast-check's anything in place of the body: any JSON at all.
    const sent = op.method === 'GET' ? undefined : i % 4 === 3 ? anything : body;
    const text = sent === undefined ? undefined : JSON.stringify(sent);
    return {
      label: `generated #${i}`,
      mustRefuse: false,
      url: realUrl(op, g, qs),
      headers: text === undefined ? {} : json,
      ...(text === undefined ? {} : { payload: text }),
    };
  });
}
