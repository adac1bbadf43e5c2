// The console's sections of the zh-CN catalogue: loaded with the console (after sign-in) and
// with the public list, not by the sign-in page (providers/i18n.ts, loadConsoleMessages).
import accounts from './accounts';
import coordination from './coordination';
import creditAdmin from './creditAdmin';
import documents from './documents';
import facilitation from './facilitation';
import followUp from './followUp';
import linkage from './linkage';
import live from './live';
import messages from './messages';
import org from './org';
import smsTemplates from './smsTemplates';
import statistics from './statistics';

const consoleMessages = {
  statistics,
  live,
  facilitation,
  documents,
  followUp,
  creditAdmin,
  accounts,
  org,
  smsTemplates,
  coordination,
  linkage,
  messages,
} as const;

export default consoleMessages;
