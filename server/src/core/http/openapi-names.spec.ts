import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The OpenAPI document names each request and response component after its DTO class, and keeps one schema per
 * name: two classes of the same name over different schemas make one operation document the other's body (the
 * test-drive booking was shown for the workshop's). So a DTO class name means one schema, wherever it is declared.
 */
describe('DTO names in the OpenAPI document', () => {
  it('give each component name exactly one schema', () => {
    const root = join(__dirname, '..', '..');
    const schemasByName = new Map<string, Map<string, string[]>>();
    for (const file of typescriptFiles(root)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/class (\w+) extends createZodDto\(/g)) {
        const schema = argumentAt(source, match.index + match[0].length);
        const byName = schemasByName.get(match[1]) ?? new Map<string, string[]>();
        byName.set(schema, [...(byName.get(schema) ?? []), relative(root, file)]);
        schemasByName.set(match[1], byName);
      }
    }
    const clashes = [...schemasByName].filter(([, schemas]) => schemas.size > 1).map(([name, schemas]) => `${name}: ${[...schemas].map(([schema, files]) => `${schema} in ${files.join(', ')}`).join(' | ')}`);
    expect(clashes).toEqual([]);
    expect(schemasByName.size).toBeGreaterThan(50);
  });
});

function typescriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : typescriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The text of the call's arguments, up to its closing parenthesis. */
function argumentAt(source: string, start: number): string {
  let depth = 1;
  for (let index = start; index < source.length; index += 1) {
    if (source[index] === '(') depth += 1;
    if (source[index] === ')' && --depth === 0) return source.slice(start, index).replace(/\s+/g, ' ').trim();
  }
  return source.slice(start);
}
