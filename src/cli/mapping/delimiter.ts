/**
 * A hint when the first row was split with the wrong delimiter: one cell holding tabs
 * (a `.tsv`, or a database export), semicolons (a spreadsheet in a comma-decimal locale)
 * or pipes, while the delimiter is something else.
 */

const CANDIDATES: readonly [string, string, string][] = [
  ['\t', 'tab', "--delimiter '\\t'"],
  [';', 'semicolon', '--delimiter ";"'],
  ['|', 'pipe', '--delimiter "|"'],
];

/** The message for a first row that looks split with the wrong delimiter; `null` when it does not. */
export function delimiterHint(first: readonly string[], delimiter: string): string | null {
  if (first.length !== 1) return null;
  const cell = first[0] ?? '';
  for (const [char, name, option] of CANDIDATES) {
    if (char !== delimiter && cell.split(char).length >= 3) {
      const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
      return `the first row has no ${shown} but ${cell.split(char).length - 1} ${name} characters: the file looks ${name}-separated. Give ${option}.`;
    }
  }
  return null;
}
