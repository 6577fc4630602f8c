/** A JSON Schema as the platform's OpenAPI document gives it (derived from the routes' zod schemas). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the API: what the fuzzer varies. */
export interface Operation {
  method: string;
  /** The path with `{name}` placeholders, as in the document (`{*}` for a wildcard). */
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
  /** Who may call it, as the document's description says (`anyone`, `end user`, …). */
  audiences: string[];
}

interface OpenApiOperation {
  description?: string;
  parameters?: Array<{ name: string; in: Parameter['in']; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/**
 * Every operation the platform's OpenAPI document lists.
 *
 * @example
 * const ops = readOperations((await app.inject('/openapi.json')).json());
 */
export function readOperations(doc: {
  paths: Record<string, Record<string, OpenApiOperation>>;
}): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const who = op.description?.split('**Who may call:**')[1]?.trim().replace(/\.$/, '') ?? '';
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required ?? false,
          schema: p.schema ?? {},
        })),
        ...(op.requestBody?.content?.['application/json']?.schema
          ? { body: op.requestBody.content['application/json'].schema }
          : {}),
        audiences: who
          .split(/,\s*(?![^(]*\))/)
          .map((a) => a.trim())
          .filter(Boolean),
      });
    }
  }
  return operations;
}

/** The names of the `{…}` placeholders of a path, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}
