import type { Messages } from '@/locales/types';

const messages: Messages['messages'] = {
  title: 'Messages',
  bell: 'Messages, {{count}} unread',
  unreadOnly: 'Unread only',
  markRead: 'Mark read',
  markAllRead: 'Mark all read',
  markedAll: 'All marked read',
  read: 'Read',
  unread: 'Unread',
  receivedAt: 'Time',
  content: 'Content',
  empty: 'No messages',
  open: 'Open application',
  openInbox: 'Handle',
  kinds: {
    PUSH: 'New push received',
    FEEDBACK: 'New supervision feedback received',
    CREDIT: "An open application's applicant changed credit level",
    CARD: 'A red card was raised on this department',
    SUMMARY: 'New monthly summary received',
  },
  caseCaption: 'Application {{number}} · {{matter}} · {{applicant}}',
  query: {
    supervisionCode: 'Supervision code',
    supervisionCodeHint: 'The 8 characters at the end of the SMS',
    applicant: 'Applicant',
    applicantHint: 'Name or credit code',
    stage: 'Stage',
    state: 'State',
    pushedAt: 'Pushed on',
    anyStage: 'Any stage',
    anyState: 'Any state',
    start: 'From',
    end: 'To',
    overdueOnly: 'Overdue only',
  },
  feedback: {
    applicationNumber: 'Application no.',
    matter: 'Matter',
    applicant: 'Applicant',
    resultType: 'Result',
    measures: 'Measures taken',
    documentNumber: 'Decision no.',
    documents: 'Licence documents',
    recordedBy: 'Recorded by',
  },
  timeline: {
    recordedBy: 'Recorded by {{name}}',
  },
};

export default messages;
