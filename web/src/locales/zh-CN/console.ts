// The console's sections of the zh-CN catalogue: loaded with the console (after sign-in) and
// with the public list, not by the sign-in page (providers/i18n.ts, loadConsoleMessages).
import statistics from './statistics';
import live from './live';
import facilitation from './facilitation';
import documents from './documents';
import followUp from './followUp';
import creditAdmin from './creditAdmin';
import accounts from './accounts';
import org from './org';
import smsTemplates from './smsTemplates';
import coordination from './coordination';
import linkage from './linkage';
import messages from './messages';

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
