// One page for every bundler (tests/browser/bundlers.test.mjs builds it with
// esbuild, webpack 5, Vite and Rollup): `telschema` resolves through the
// package's exports map, the bundler emits the .wasm, and the page shows what
// the core made of a draft, or the error that stopped it.
import init, { check } from 'telschema';

const result = document.getElementById('result');
try {
  await init();
  const outcome = check('draft_sub_request', { phone_numbers: [{ phone_number: '(312) 535-4200' }] });
  const e164 = outcome.document.phone_numbers[0].phone_number;
  result.textContent = `${outcome.report.kind} ${e164} ${outcome.completeness.percent}% next ${outcome.completeness.next}`;
  result.dataset.state = 'ready';
} catch (e) {
  result.textContent = `error: ${e.message}`;
  result.dataset.state = 'error';
}
