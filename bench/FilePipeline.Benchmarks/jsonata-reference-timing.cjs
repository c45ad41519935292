// Times the JSONata reference implementation for the benchmark's "Reference" column.
// argv[2]: the jsonata package folder; argv[3]: {data, expressions: {name: text}}.
// Prints {name: nanoseconds per evaluation}: compile once, warm up, then the median of 7 timed batches.
const jsonata = require(process.argv[2]);
const { data, expressions } = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));

async function timeBatch(expression, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    await expression.evaluate(data);
  }
  return Number(process.hrtime.bigint() - start) / iterations;
}

(async () => {
  const results = {};
  for (const [name, text] of Object.entries(expressions)) {
    const expression = jsonata(text);
    let iterations = 1;
    while ((await timeBatch(expression, iterations)) * iterations < 50e6) {
      iterations *= 2;
    }
    const batches = [];
    for (let b = 0; b < 7; b++) {
      batches.push(await timeBatch(expression, iterations));
    }
    batches.sort((x, y) => x - y);
    results[name] = batches[3];
  }
  process.stdout.write(JSON.stringify(results));
})();
