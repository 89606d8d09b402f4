// An E911 address form with React Hook Form and telschema's Standard Schema
// object through @hookform/resolvers' standardSchemaResolver (built by Vite
// in tests/browser/forms.test.mjs). Warnings come through onReport.
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import init, { standardSchema } from 'telschema';

let showWarnings = () => {};
const e911 = standardSchema('e911', { onReport: (report) => showWarnings(report.warnings) });

// Before init() has finished, validate returns a Promise that waits for it.
const early = e911['~standard'].validate({});
const earlyWasPromise = early instanceof Promise;

const FIELDS = [
  ['street_address', 'Street address'],
  ['locality', 'City'],
  ['region', 'State'],
  ['postal_code', 'ZIP code'],
  ['caller_name', 'Caller name (optional)'],
];

function App() {
  const [warnings, setWarnings] = useState([]);
  const [submitted, setSubmitted] = useState('');
  const [attempts, setAttempts] = useState([]);
  showWarnings = setWarnings;
  const { register, handleSubmit, formState } = useForm({
    mode: 'onChange',
    resolver: standardSchemaResolver(e911),
    defaultValues: Object.fromEntries(FIELDS.map(([name]) => [name, ''])),
  });
  const warning = (name) => warnings.filter((w) => w.path === `/${name}`).map((w) => w.message).join(' ');
  return h(
    'form',
    {
      id: 'form',
      noValidate: true,
      onSubmit: handleSubmit(
        (value) => {
          setSubmitted(JSON.stringify(value));
          setAttempts((a) => [...a, 'sent']);
        },
        () => setAttempts((a) => [...a, 'invalid']),
      ),
    },
    FIELDS.map(([name, label]) =>
      h(
        'p',
        { key: name },
        h('label', { htmlFor: name }, label),
        h('input', { id: name, ...register(name) }),
        h('span', { id: `${name}-error`, role: 'alert' }, formState.errors[name]?.message ?? ''),
        h('span', { id: `${name}-warning` }, warning(name)),
      ),
    ),
    h('button', { id: 'submit', type: 'submit' }, 'Save'),
    h('output', { id: 'submitted' }, submitted),
    h('output', { id: 'attempts' }, attempts.join(' ')),
  );
}

await init();
const earlyResult = await early;
document.body.dataset.early = `${earlyWasPromise} ${earlyResult.issues.length}`;
createRoot(document.getElementById('app')).render(h(App));
document.body.dataset.ready = 'true';
