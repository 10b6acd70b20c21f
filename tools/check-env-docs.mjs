/**
 * Fails when the server reads an environment variable that README.md does not name, so the
 * configuration table stays complete as modules add settings. Part of `npm run lint`.
 *
 * Looks at the validated config classes (`class …Env { … FOO?: … }` in apps/api/src/**\/*.config.ts)
 * and at direct `process.env.FOO` reads under apps/api/src.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const sourceDir = join(root, 'apps/api/src');

function* tsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

/** variable name → the files that read it */
const readers = new Map();
const note = (name, file) => readers.set(name, [...(readers.get(name) ?? []), relative(root, file)]);

for (const file of tsFiles(sourceDir)) {
  const text = readFileSync(file, 'utf8');
  for (const [, name] of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) note(name, file);
  if (!file.endsWith('.config.ts')) continue;
  for (const [, body] of text.matchAll(/class \w*Env\s*\{([\s\S]*?)\n\}/g)) {
    for (const [, name] of body.matchAll(/\b([A-Z][A-Z0-9_]{2,})\??:/g)) note(name, file);
  }
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const missing = [...readers.keys()].filter((name) => !readme.includes(`\`${name}\``)).sort();
if (missing.length > 0) {
  console.error('README.md does not document these environment variables:');
  for (const name of missing) console.error(`  ${name}  (read in ${[...new Set(readers.get(name))].join(', ')})`);
  process.exit(1);
}
console.log(`README.md documents all ${readers.size} environment variables the server reads.`);
