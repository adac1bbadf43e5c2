import type { Messages } from '@/locales/types';

const smsTemplates: Messages['smsTemplates'] = {
  tab: 'SMS templates',
  hint: 'Each {placeholder} in the text is replaced by the real value when sending; the provider template code is used by the HTTP SMS channel.',
  purpose: 'Purpose',
  providerCode: 'Provider template code',
  text: 'Text',
  placeholders: 'Placeholders',
  preview: 'Preview (sample values)',
  length: '{{count}} characters',
  state: 'State',
  builtIn: 'Built-in default',
  edited: 'Edited by {{by}} at {{at}}',
  edit: 'Edit',
  save: 'Save template',
  saved: 'SMS template saved',
  restoreDefault: 'Fill in the default text',
  unknownPlaceholder: 'Unknown placeholder: {{names}}',
  unbalanced: 'Unbalanced braces: a placeholder is written {name}',
  providerCodeRule: '1 to 64 letters, digits, underscores or hyphens',
  tooLong: 'The text may not exceed {{max}} characters',
  editTitle: 'Edit SMS template: {{title}}',
};

export default smsTemplates;
