// Narrow readers for untrusted JSON: the Bundle comes from outside, so its TypeScript types cannot be assumed.
export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return isObject(value) ? value : undefined;
}

export function stringAt(parent: JsonObject | undefined, key: string): string | undefined {
  const value = parent?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function arrayAt(parent: JsonObject | undefined, key: string): readonly unknown[] {
  const value = parent?.[key];
  return Array.isArray(value) ? (value as readonly unknown[]) : [];
}

export function objectsAt(parent: JsonObject | undefined, key: string): readonly JsonObject[] {
  return arrayAt(parent, key).filter(isObject);
}

export function stringsAt(parent: JsonObject | undefined, key: string): string[] {
  return arrayAt(parent, key).filter((v): v is string => typeof v === 'string');
}

/** "Unexpected token } in JSON at position 57" → "line 3, column 12". */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const offset = Number(position);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}
