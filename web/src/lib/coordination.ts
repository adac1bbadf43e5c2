/** Small rules shared by the coordination pages (joint meetings, escalations, cards, SMS log). */
import type { ActionState, DecisionStatus, EscalationStatus, MeetingStatus } from '@/graphql/graphql';
import type { Access } from '@/providers/access/access';

export const MEETING_STATUS_COLOR: Record<MeetingStatus, string> = { PLANNED: 'processing', HELD: 'warning', CLOSED: 'success' };
export const DECISION_STATUS_COLOR: Record<DecisionStatus, string> = { OPEN: 'processing', DONE: 'success', DROPPED: 'default' };
export const ESCALATION_STATUS_COLOR: Record<EscalationStatus, string> = {
  SUBMITTED: 'warning',
  ASSIGNED: 'processing',
  IN_DISCUSSION: 'purple',
  DECIDED: 'cyan',
  CLOSED: 'success',
};
export const ACTION_STATE_COLOR: Record<ActionState, string> = { OPEN: 'processing', DONE: 'success' };

type Caller = Pick<Access, 'departmentId' | 'allows'>;

/**
 * Only the convening department edits a meeting (minutes, decisions, exchanges): the caller
 * may write meetings (`me.abilities`) in the department that convened it.
 */
export function canEditMeeting(me: Caller, convenerId: string): boolean {
  return me.departmentId === convenerId && me.allows('meeting.write');
}

/**
 * An escalation's action is marked done by a writer of its owner department or by the office,
 * while open; a 修订清单 action is done by the list version that revises its linkages.
 */
export function canCompleteAction(me: Caller, action: { state: string; kind: string; owner: { id: string } }): boolean {
  if (action.state !== 'OPEN' || action.kind === 'REVISE_LIST') return false;
  if (me.allows('escalation.decide')) return true;
  return me.departmentId === action.owner.id && me.allows('escalation.write');
}

/**
 * Server errors of a list of actions (`actions.1.dueOn`, `actions.0.linkageIds.2`) as antd
 * Form.List field paths (`['actions', 1, 'dueOn']`); other errors are returned.
 */
export function actionFieldErrors<E extends { field: string; message: string }>(
  errors: readonly E[],
  listName = 'actions',
): { placed: { name: (string | number)[]; errors: string[] }[]; rest: E[] } {
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const rest: E[] = [];
  for (const error of errors) {
    const match = new RegExp(`^${listName}\\.(\\d+)\\.(\\w+)`).exec(error.field);
    if (!match) {
      rest.push(error);
      continue;
    }
    const name = [listName, Number(match[1]), match[2] ?? ''];
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(error.message);
    byPath.set(key, entry);
  }
  return { placed: [...byPath.values()], rest };
}

/**
 * A decision is followed up by its owner department or by the convening department, while open.
 */
export function canFollowUp(me: Caller, decision: { status: string; owner: { id: string } }, convenerId: string): boolean {
  if (decision.status !== 'OPEN' || !me.allows('meeting.write')) return false;
  return me.departmentId === convenerId || me.departmentId === decision.owner.id;
}

/**
 * The value of an `<input type="datetime-local">` (the browser's local time, as the app shows
 * times) as an ISO moment in UTC; null when it is not a real moment.
 */
export function localInputToServer(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const moment = new Date(y, mo - 1, d, h, mi, s);
  if (
    moment.getFullYear() !== y ||
    moment.getMonth() !== mo - 1 ||
    moment.getDate() !== d ||
    moment.getHours() !== h ||
    moment.getMinutes() !== mi
  )
    return null;
  return moment.toISOString();
}

/** A duration in seconds as days / hours / minutes, e.g. "2天3小时" ({ d, h, m } for i18n). */
export function splitDuration(seconds: number): { d: number; h: number; m: number } {
  const total = Math.max(0, Math.floor(seconds / 60));
  return { d: Math.floor(total / 1440), h: Math.floor((total % 1440) / 60), m: total % 60 };
}

export type SmsKind = 'PUSH' | 'OVERDUE' | 'CARD' | 'OTHER';

/** What an SMS was about, from its de-duplication key (push:42, overdue:42:2026-03-02, card:7:head). */
export function smsKind(key: string): SmsKind {
  const prefix = key.split(':', 1)[0];
  if (prefix === 'push') return 'PUSH';
  if (prefix === 'overdue') return 'OVERDUE';
  if (prefix === 'card') return 'CARD';
  return 'OTHER';
}

export type SmsSender = 'dev' | 'http' | 'other';

/** The channel a message went through (``api/core/sms.py``: DevSmsSender "dev", HttpSmsSender "http"). */
export function smsSender(name: string): SmsSender {
  return name === 'dev' || name === 'http' ? name : 'other';
}

/** Saves a base64 file the server returned under its name. */
export function downloadBase64(fileName: string, contentType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export async function fileToBase64(file: Pick<Blob, 'arrayBuffer'>): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** Why a chosen file cannot be attached (before sending), or null. */
export function attachmentProblem(file: { size: number; type: string }): 'TOO_LARGE' | 'TYPE' | null {
  if (file.size > MAX_ATTACHMENT_BYTES) return 'TOO_LARGE';
  if (file.type && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return 'TYPE';
  return null;
}
