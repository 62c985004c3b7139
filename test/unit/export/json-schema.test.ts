import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaErrors, type JsonSchema } from '../../../main/training/export/json-schema';

// The manifest checker (issue 23): each keyword of the subset it supports, and the real schema file.
const schema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'k'],
  properties: {
    name: { type: 'string', minLength: 1, pattern: '^[a-z]+$' },
    k: { type: 'integer', minimum: 1, maximum: 3 },
    kind: { enum: ['a', 'b', null] },
    tags: { type: 'array', items: { type: ['string', 'null'] } },
    v: { const: 'v/2' },
  },
};

describe('schemaErrors', () => {
  it('accepts a conforming value', () => {
    expect(schemaErrors({ name: 'ok', k: 2, kind: null, tags: ['x', null], v: 'v/2' }, schema)).toEqual([]);
  });

  it('names every place a value breaks the schema', () => {
    expect(schemaErrors({ name: 'Bad1', k: 4.5, kind: 'c', tags: [1], v: 'v/1', extra: true }, schema)).toEqual([
      '$.name: must match /^[a-z]+$/',
      '$.k: expected integer, got number',
      '$.kind: must be one of "a", "b", null',
      '$.tags[0]: expected string or null, got number',
      '$.v: must be "v/2"',
      '$: unexpected "extra"',
    ]);
    expect(schemaErrors({ k: 0 }, schema)).toEqual(['$: missing required "name"', '$.k: must be ≥ 1']);
    expect(schemaErrors([], schema)).toEqual(['$: expected object, got array']);
  });

  it('refuses a schema keyword it does not implement rather than passing it silently', () => {
    expect(schemaErrors(1, { type: 'number', oneOf: [] } as unknown as JsonSchema)).toEqual(['$: the schema uses oneOf, which this checker does not support']);
  });

  it('docs/schemas/mira-export.schema.json uses only supported keywords, at every depth', () => {
    const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../docs/schemas/mira-export.schema.json'), 'utf8')) as JsonSchema;
    const subschemas = (s: JsonSchema): JsonSchema[] => [
      s,
      ...Object.values(s.properties ?? {}).flatMap(subschemas),
      ...(s.items ? subschemas(s.items) : []),
      ...(typeof s.additionalProperties === 'object' ? subschemas(s.additionalProperties) : []),
    ];
    const all = subschemas(file);
    expect(all.length).toBeGreaterThan(30);
    // An empty object against each subschema: only type or required complaints, never an unsupported keyword.
    for (const sub of all) expect(schemaErrors({}, sub).filter((e) => e.includes('does not support'))).toEqual([]);
  });
});
