// Times aws-local-stepfunctions on the benchmark's definitions (definitions.json beside this file).
// Per definition (all, or those named as arguments): build the machine once, warm up, then the median of 7 timed batches of executions.
// Prints {name: wall-clock nanoseconds per execution, "name.cpu": the process's CPU nanoseconds per
// execution}; every Task state returns definitions.json's taskResult.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const { taskResult, cases } = JSON.parse(readFileSync(new URL('./definitions.json', import.meta.url), 'utf8'));
// Definition names given as arguments select those alone.
const only = process.argv.slice(2);

async function timeBatch(machine, input, handlers, iterations) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    await machine.run(input, { overrides: { taskResourceLocalHandlers: handlers } }).result;
  }
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / iterations, cpu: (used.user + used.system) * 1000 / iterations };
}

const median = (values) => values.sort((x, y) => x - y)[values.length >> 1];

const results = {};
for (const [name, { definition, input }] of Object.entries(cases).filter(([name]) => only.length === 0 || only.includes(name))) {
  const machine = new StateMachine(definition);
  const handlers = Object.fromEntries(Object.entries(definition.States)
    .filter(([, state]) => state.Type === 'Task')
    .map(([state]) => [state, async () => structuredClone(taskResult)]));
  let iterations = 1;
  while ((await timeBatch(machine, input, handlers, iterations)).wall * iterations < 100e6) {
    iterations *= 2;
  }
  const batches = [];
  for (let b = 0; b < 7; b++) {
    batches.push(await timeBatch(machine, input, handlers, iterations));
  }
  results[name] = median(batches.map((batch) => batch.wall));
  results[`${name}.cpu`] = median(batches.map((batch) => batch.cpu));
}
process.stdout.write(JSON.stringify(results));
