// ajv-stream validates newline-delimited JSON records on standard input
// against one JSON Schema (draft 2020-12, formats asserted through
// ajv-formats) and prints {"valid":N,"invalid":M}. It is the peer a data
// pipeline would write with ajv instead of running finlint on a stream.
//
// Usage: NODE_PATH=DIR/node_modules node ajv-stream.mjs SCHEMA.json < records.ndjson
//
// NODE_PATH names the folder where ajv and ajv-formats are installed, so
// that the script can stay outside it. The schema is compiled once; each
// non-blank line is one record, and a line that is not JSON counts as
// invalid, as it would for a validator given the line as a file. The exit
// code is 1 when any record is invalid.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const formats = require('ajv-formats');
const addFormats = formats.default ?? formats;

if (process.argv.length !== 3) {
  console.error('usage: node ajv-stream.mjs SCHEMA.json < records.ndjson');
  process.exit(2);
}
// Strict mode is off as in ajv-cli's default run of a vendor schema: it
// rejects schemas for style, not for what they accept.
const ajv = new Ajv2020({ strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(process.argv[2], 'utf8')));

let valid = 0;
let invalid = 0;
function record(line) {
  if (line.trim() === '') {
    return;
  }
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    invalid++;
    return;
  }
  if (validate(value)) {
    valid++;
  } else {
    invalid++;
  }
}

// Splitting chunks by hand rather than through readline keeps the reading
// cost near what finlint's own line splitter pays.
process.stdin.setEncoding('utf8');
let rest = '';
for await (const chunk of process.stdin) {
  const lines = (rest + chunk).split('\n');
  rest = lines.pop();
  for (const line of lines) {
    record(line);
  }
}
record(rest);
console.log(JSON.stringify({ valid, invalid }));
process.exitCode = invalid > 0 ? 1 : 0;
