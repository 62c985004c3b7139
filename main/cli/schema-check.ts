// The CLI checks the requests it builds from flags with the API's own zod schemas (main/api/schemas.ts,
// main/api/run-config.ts), so a value the API or a later `resume` would refuse is refused here, before anything
// is stored; this file only turns the schema's verdict into messages that name the flag the user typed.
import { z } from 'zod';
import { UsageError, type ParsedArgs } from './args';

/** The flag a request field comes from. `scale`: field = flag × scale (seconds → milliseconds), `unit` the
 * flag's unit. */
export interface FlagField {
  flag: string;
  scale?: number;
  unit?: string;
}

/** One schema, the value built for it, and which flag each field path ('scheduler.concurrency') comes from. */
export interface SchemaCheck {
  schema: z.ZodType;
  value: unknown;
  fields: Readonly<Record<string, FlagField>>;
}

/** Throws a UsageError naming every wrong flag (one line) when a value does not fit its schema. */
export function checkWithSchemas(args: ParsedArgs, checks: readonly SchemaCheck[]): void {
  const problems = new Map<string, string>();
  for (const { schema, value, fields } of checks) {
    const result = schema.safeParse(value);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      const at = fieldOf(path, fields);
      const key = at ? at.field.flag : path.join('.');
      // Several schemas may judge the same flag: the first verdict is enough.
      if (!problems.has(key)) problems.set(key, at ? flagProblem(args, at.field, schemaAt(schema, at.path), issue, valueAt(value, at.path)) : `${key || 'the request'}: ${issue.message}`);
    }
  }
  if (problems.size) throw new UsageError(`${[...problems.values()].join('; ')}.`);
}

/** The sub-schema at a path (through optional, default, nullable, object, tuple and array), if any. */
export function schemaAt(schema: z.ZodType, path: readonly (string | number)[]): z.ZodType | undefined {
  let at: z.ZodType | undefined = unwrap(schema);
  for (const step of path) {
    if (at instanceof z.ZodObject) at = (at.shape as Record<string, z.ZodType>)[String(step)];
    else if (at instanceof z.ZodTuple) at = (at.def.items as z.ZodType[])[Number(step)];
    else if (at instanceof z.ZodArray) at = at.element as z.ZodType;
    else return undefined;
    at = at && unwrap(at);
  }
  return at;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let at = schema;
  while (at instanceof z.ZodOptional || at instanceof z.ZodDefault || at instanceof z.ZodNullable) at = at.unwrap() as z.ZodType;
  return at;
}

/** The longest prefix of an issue's path that is a flag's field (an array element's issue is its list flag's). */
function fieldOf(path: string[], fields: Readonly<Record<string, FlagField>>): { field: FlagField; path: string[] } | null {
  for (let n = path.length; n >= 0; n--) {
    const field = fields[path.slice(0, n).join('.')];
    if (field) return { field, path: path.slice(0, n) };
  }
  return null;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
}

function flagProblem(args: ParsedArgs, field: FlagField, schema: z.ZodType | undefined, issue: z.core.$ZodIssue, value: unknown): string {
  const typed = args.flags[field.flag];
  const shown = typeof typed === 'string' ? typed : JSON.stringify(value);
  const wanted = schema && valueShape(schema, field);
  return wanted ? `--${field.flag} must be ${wanted}, not ${shown}` : `--${field.flag} ${JSON.stringify(shown)}: ${issue.message}`;
}

/** What a number schema, or a union of one with literals, accepts ("a whole number from 0 to 65536, dynamic
 * or off"); null for other schemas (their own message is clearer). */
function valueShape(schema: z.ZodType, field: FlagField): string | null {
  if (schema instanceof z.ZodNumber) return numberShape(schema, field);
  if (!(schema instanceof z.ZodUnion)) return null;
  const parts = (schema.options as z.ZodType[]).map((o) => (o instanceof z.ZodNumber ? numberShape(o, field) : o instanceof z.ZodLiteral ? String(o.value) : null));
  if (parts.some((p) => p === null)) return null;
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

function exclusiveMin(schema: z.ZodNumber): boolean {
  return (schema.def.checks ?? []).some((c) => {
    const def = (c as unknown as { _zod: { def: { check: string; inclusive?: boolean } } })._zod.def;
    return def.check === 'greater_than' && def.inclusive === false;
  });
}

/** "a whole number from 1 to 16", "an integer", "a number of seconds ≥ 0.001": read from the schema's bounds. */
function numberShape(schema: z.ZodNumber, field: FlagField): string {
  const scale = field.scale ?? 1;
  const bound = (v: number | null) => (v === null || !Number.isFinite(v) || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? null : v / scale);
  const [min, max] = [bound(schema.minValue), bound(schema.maxValue)];
  const whole = schema.isInt && scale === 1;
  const kind = field.unit ? `a number of ${field.unit}` : whole ? (min !== null && min >= 0 ? 'a whole number' : 'an integer') : 'a number';
  // A minimum the number must exceed (β > 0) reads "above", not "from".
  if (min !== null && exclusiveMin(schema)) return max !== null ? `${kind} above ${min} and at most ${max}` : `${kind} > ${min}`;
  if (min !== null && max !== null) return `${kind} from ${min} to ${max}`;
  if (min !== null) return `${kind} ≥ ${min}`;
  if (max !== null) return `${kind} ≤ ${max}`;
  return kind;
}
