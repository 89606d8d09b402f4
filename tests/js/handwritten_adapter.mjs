// What a form author wrote before standardSchema (issue 17): a Standard
// Schema adapter over validate(), by hand. Kept to count it (README, Forms)
// and to check that standardSchema gives the same issues where it works.
import { validate } from 'telschema';

function dropEmpty(value) {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && v.trim() === '') continue;
    out[key] = dropEmpty(v);
  }
  return out;
}

const toPath = (pointer) =>
  pointer === ''
    ? []
    : pointer.slice(1).split('/').map((s) => {
        const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
        return /^\d+$/.test(key) ? Number(key) : key;
      });

export const telschemaSchema = (kind, options) => ({
  '~standard': {
    version: 1,
    vendor: 'my-app',
    validate(value) {
      const document = dropEmpty(value);
      try {
        const report = validate(kind, document, options);
        if (report.valid) return { value: document };
        return { issues: report.errors.map((i) => ({ message: i.message, path: toPath(i.path) })) };
      } catch (e) {
        return { issues: [{ message: e.message }] };
      }
    },
  },
});
