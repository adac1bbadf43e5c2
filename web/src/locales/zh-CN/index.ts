// The message catalogue. zh-CN is the source of truth: every other locale must have the
// same keys (see ../types.ts), and the compiler checks `t('…')` keys against this object.
// At run time the entry chunk carries only base.ts; console.ts loads with the console.
import base from './base';
import consoleMessages from './console';

const zhCN = { ...base, ...consoleMessages } as const;

export default zhCN;
