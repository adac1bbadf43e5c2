/** Client-side mirror of the server's SMS template rules (api/core/sms_templates.py). */

export const MAX_SMS_TEXT = 300;

export type TemplateProblem = { kind: 'unbalanced' } | { kind: 'unknown'; names: string[] };

interface Part {
  literal: string;
  name: string | null;
}

/** Splits `text` like Python's str.format parser: `{{`/`}}` are literal braces; null when malformed. */
function parse(text: string): Part[] | null {
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 1;
    } else if (c === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 1;
    } else if (c === '{') {
      const end = text.indexOf('}', i + 1);
      const name = end < 0 ? null : text.slice(i + 1, end);
      if (name === null || name.includes('{')) return null;
      parts.push({ literal, name });
      literal = '';
      i = end;
    } else if (c === '}') {
      return null;
    } else {
      literal += c;
    }
  }
  parts.push({ literal, name: null });
  return parts;
}

/** What the server would refuse in `text` (besides emptiness and length), or null. */
export function templateProblem(text: string, allowed: readonly string[]): TemplateProblem | null {
  const parts = parse(text);
  if (!parts) return { kind: 'unbalanced' };
  const unknown = [...new Set(parts.flatMap((p) => (p.name !== null && !allowed.includes(p.name) ? [p.name] : [])))];
  return unknown.length > 0 ? { kind: 'unknown', names: unknown } : null;
}

/** The text with each placeholder replaced by its sample value (unknown ones left visible). */
export function renderPreview(text: string, samples: readonly { name: string; sample: string }[]): string | null {
  const parts = parse(text);
  if (!parts) return null;
  const values = new Map(samples.map((s) => [s.name, s.sample]));
  return parts.map((p) => p.literal + (p.name === null ? '' : (values.get(p.name) ?? `{${p.name}}`))).join('');
}
