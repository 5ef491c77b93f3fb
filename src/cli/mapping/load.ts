/**
 * Loading a mapping: a preset shipped in the package (`--preset asterisk-cdr`) or a JSON
 * file (`--mapping site.json`), which may extend a preset (`"extends": "vicidial-log"`)
 * and change only what differs at the site — its own statuses, say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject, printable } from 'dialguard/internals';
import { UsageError } from '../exit-codes.js';
import { packageRoot } from '../package-files.js';
import { jsonType } from './json-type.js';
import { PRESET_COLUMNS } from './preset-columns.js';
import type { MappingFile } from './types.js';

/** The presets shipped in `presets/`. */
export const PRESET_NAMES: readonly string[] = Object.keys(PRESET_COLUMNS);

function parse(text: string, name: string): MappingFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${name} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${name} should hold a JSON object (a mapping)`);
  return value as MappingFile;
}

/** The preset `name`. @throws UsageError for a name that is not a preset */
export function loadPreset(name: string): MappingFile {
  if (!PRESET_NAMES.includes(name)) throw new UsageError(`--preset should be one of ${PRESET_NAMES.join(', ')}; received "${printable(name.slice(0, 81), 80)}" (for another format, write a mapping: --mapping FILE.json)`);
  const root = packageRoot();
  if (root === null) throw new UsageError(`cannot find the presets folder of the dialguard package`);
  const path = join(root, 'presets', `${name}.json`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the preset ${name} (${path}): ${e instanceof Error ? e.message : String(e)}`);
  }
  return parse(text, `preset ${name}`);
}

/**
 * A mapping over the preset it extends: `fields` and `outcome.table` merged key by key,
 * `outcome.rules` put before the preset's, everything else replaced when given. A section
 * of the wrong type is not merged: it replaces the preset's, so that `compileMapping`
 * reports it by name.
 */
function extend(base: MappingFile, over: MappingFile): MappingFile {
  const given: unknown = over.outcome;
  let outcome: unknown;
  if (given === undefined) outcome = base.outcome;
  else if (given === null || !isObject(given)) outcome = given;
  else {
    const table: unknown = given.table;
    const rules: unknown = given.rules;
    outcome = {
      ...base.outcome,
      ...given,
      status: given.status ?? base.outcome?.status ?? '',
      table: table == null || isObject(table) ? { ...(base.outcome?.table ?? {}), ...(table ?? {}) } : table,
      rules: rules == null || Array.isArray(rules) ? [...((rules as unknown[] | null | undefined) ?? []), ...(base.outcome?.rules ?? [])] : rules,
    };
  }
  const fields: unknown = over.fields;
  return {
    ...base,
    ...over,
    fields: (fields == null || isObject(fields) ? { ...(base.fields ?? {}), ...(fields ?? {}) } : fields) as MappingFile['fields'],
    outcome: (outcome ?? null) as MappingFile['outcome'],
  };
}

/** The mapping file at `path`, with the preset it extends applied. @throws UsageError when it cannot be read */
export function loadMappingFile(path: string): MappingFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the mapping ${path}: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}`);
  }
  const file = parse(text, path);
  if (file.extends === undefined) return file;
  const base: unknown = file.extends;
  if (typeof base !== 'string') throw new UsageError(`${path}: "extends" should name a preset, one of ${PRESET_NAMES.join(', ')}; received ${jsonType(base)}`);
  return extend(loadPreset(base), file);
}
