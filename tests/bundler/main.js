// One page bundled by Vite: the package resolves through its exports map
// (browser condition, web/), and its .wasm becomes an emitted asset.
import init, { check } from 'telschema';

await init();
const outcome = check('draft_sub_request', { phone_numbers: [{ phone_number: '(312) 535-4200' }] });
document.getElementById('result').textContent = `${outcome.report.kind} ${outcome.completeness.percent}%`;
