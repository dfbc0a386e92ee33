/**
 * `npm run calc -- scenario.json`: evaluates a scenario file with the site's defaults and prints
 * the results JSON (methodology v2 format, uncertainty included), through the same export builder
 * as the page's "Download JSON". Invalid input prints every problem to stderr, nothing to stdout,
 * and exits 1.
 */
import { readFileSync } from 'node:fs';
import { loadDefaultsFile } from '../src/features/calculator/defaults-node.ts';
import { parseScenarioText } from '../src/features/calculator/codec.ts';
import { resultsJson } from '../src/features/calculator/results-file.ts';
import { formatProblems } from '../src/common/problems.ts';

const HELP = `Usage: npm run calc -- <scenario.json | ->

Evaluates a pipeline cost scenario (in-house SDRs, outsourced agency, full-cycle AEs, in-house
with an agency bridge) and prints the results as JSON on stdout.

  <scenario.json>  a JSON object; every field is optional and missing fields take the site's
                   defaults, e.g. {"horizonMonths": 36, "inHouse": {"baseSalary": 60000}};
                   or a results file (this command's output, or the page's "Download JSON"),
                   whose "scenario" is read. Version 1 files are read as version 2 (a note on
                   stderr says so); files from a newer version are refused
  -                read the scenario from stdin
  -h, --help       show this help

The defaults come from $CONTENT_DIR/calculator/defaults.yaml (CONTENT_DIR defaults to src/content).
Output: {"version": 2, "inHouse": {...}, "outsourced": {...}, "fullCycle": {...}, "bridge": {...},
"scenario": {...}} with unrounded numbers; an option that cannot reach the target is {"error": "..."};
"scenario" is the complete scenario that was evaluated (every value).

Exit codes: 0 results printed; 1 invalid scenario, unreadable file or invalid defaults (every
problem is printed to stderr); 2 wrong usage.
`;

function fail(code: number, message: string): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(code);
}

function main(args: readonly string[]): void {
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(HELP);
    return;
  }
  const options = args.filter((arg) => arg.startsWith('-') && arg !== '-');
  if (options.length > 0) fail(2, `calc: unknown option ${options[0]}\n\n${HELP}`);
  if (args.length !== 1) {
    fail(2, `calc: expected one scenario file (or - for stdin); given ${args.length === 0 ? 'none' : args.length}\n\n${HELP}`);
  }
  const source = args[0] as string;
  const label = source === '-' ? '<stdin>' : source;

  const loaded = loadDefaultsFile();
  if (!loaded.ok) fail(1, loaded.message);

  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(1, `${label}: cannot read the scenario file (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}).`);
  }

  const parsed = parseScenarioText(text, loaded.value.scenario);
  if (!parsed.ok) fail(1, formatProblems(label, parsed.problems));
  if (parsed.notice) process.stderr.write(`${label}: note: ${parsed.notice}\n`);
  process.stdout.write(resultsJson(parsed.value));
}

main(process.argv.slice(2));
