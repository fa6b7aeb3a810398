/** "maxOpen 10→4, holdMs 20→100": the label a config marker carries. */
export function describeChange(before: object, after: object): { label: string; changed: Record<string, unknown> } {
  const changed: Record<string, unknown> = {};
  const parts: string[] = [];
  const previous = before as Record<string, unknown>;
  for (const [key, value] of Object.entries(after)) {
    if (previous[key] === value) continue;
    changed[key] = value;
    parts.push(`${key} ${String(previous[key])}→${String(value)}`);
  }
  return { label: parts.join(', '), changed };
}
