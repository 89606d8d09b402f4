// The phone-only entry's page (tests/browser/bundlers.test.mjs builds it with
// each bundler, as ../main.js): `telschema/phone` resolves through the
// package's exports map to pkg/phone/, the bundler emits its .wasm, and the
// page shows what the phone engine made of a number, or the error that
// stopped it.
import init, { AsYouType, format, normalize } from 'telschema/phone';

const result = document.getElementById('result');
try {
  await init();
  const n = normalize('(312) 535-4200');
  result.textContent = `${n.e164} ${n.valid} ${format('(312) 535-4200', 'international')} ${new AsYouType('US').input('3125354200')}`;
  result.dataset.state = 'ready';
} catch (e) {
  result.textContent = `error: ${e.message}`;
  result.dataset.state = 'error';
}
