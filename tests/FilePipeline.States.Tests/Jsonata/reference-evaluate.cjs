// Evaluates a batch of JSONata expressions with the reference implementation (npm jsonata).
// argv[2]: the jsonata package folder; argv[3]: a JSON file [{expr, data}] (data absent = undefined input).
// Writes a JSON array to stdout: {value} for a result, {undefined: true}, {function: true} or {code} for an error.
const jsonata = require(process.argv[2]);
const cases = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));

function describe(value) {
  if (value === undefined) return { undefined: true };
  if (typeof value === 'function' || (value && (value._jsonata_lambda || value._jsonata_function))) return { function: true };
  return { value: JSON.parse(JSON.stringify(value, (key, v) => (typeof v === 'number' && !isFinite(v) ? 'NonFinite' : v))) };
}

(async () => {
  const results = [];
  for (const testCase of cases) {
    try {
      results.push(describe(await jsonata(testCase.expr).evaluate(testCase.data)));
    } catch (e) {
      results.push({ code: e.code || 'JS:' + e.message });
    }
  }
  process.stdout.write(JSON.stringify(results));
})();
