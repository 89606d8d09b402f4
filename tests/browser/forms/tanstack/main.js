// A porting draft with TanStack Form: telschema's Standard Schema object as
// the form's onChange validator (TanStack maps each issue's path to its
// field). normalize: true accepts national-format numbers and gives the
// document in E.164, which the submit handler sends.
import { useForm } from '@tanstack/react-form';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import init, { standardSchema } from 'telschema';

// TanStack's synchronous validators need the answer at once: init first.
await init();
const draft = standardSchema('draft_sub_request', { normalize: true });

const FIELDS = [
  ['auth_person_name', 'Authorized person'],
  ['billing_phone_number', 'Billing phone number'],
  ['administrative_area', 'State'],
  ['postal_code', 'ZIP code'],
];

function App() {
  const [submitted, setSubmitted] = useState('');
  const [attempts, setAttempts] = useState([]);
  const form = useForm({
    defaultValues: Object.fromEntries(FIELDS.map(([name]) => [name, ''])),
    validators: { onChange: draft },
    onSubmit: ({ value }) => {
      setSubmitted(JSON.stringify(draft['~standard'].validate(value).value));
      setAttempts((a) => [...a, 'sent']);
    },
    onSubmitInvalid: () => setAttempts((a) => [...a, 'invalid']),
  });
  return h(
    'form',
    {
      id: 'form',
      noValidate: true,
      onSubmit: (e) => {
        e.preventDefault();
        form.handleSubmit();
      },
    },
    FIELDS.map(([name, label]) =>
      h(form.Field, {
        key: name,
        name,
        children: (field) =>
          h(
            'p',
            null,
            h('label', { htmlFor: name }, label),
            h('input', {
              id: name,
              name,
              value: field.state.value,
              onChange: (e) => field.handleChange(e.target.value),
              onBlur: field.handleBlur,
            }),
            h('span', { id: `${name}-error`, role: 'alert' }, field.state.meta.errors.map((i) => i.message).join(' ')),
          ),
      }),
    ),
    h('button', { id: 'submit', type: 'submit' }, 'Save draft'),
    h('output', { id: 'submitted' }, submitted),
    h('output', { id: 'attempts' }, attempts.join(' ')),
  );
}

createRoot(document.getElementById('app')).render(h(App));
document.body.dataset.ready = 'true';
