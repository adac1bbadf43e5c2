import type { Confidentiality, LinkageInput, Principle, ReviewMode, SharingChannel } from '@/graphql/graphql';

/** What the create / edit form holds: the API's `LinkageInput`, with nothing filled in yet. */
export interface LinkageValues {
  approvalMatterId?: string;
  approvingDepartmentId?: string;
  approvingSectionId?: string;
  approvingPersonId?: string;
  supervisionMatterId?: string;
  supervisingDepartmentId?: string;
  supervisingSectionId?: string;
  supervisingPersonId?: string;
  /** 谁审批谁负责 and / or 谁主管谁监管: at least one. */
  principles?: Principle[];
  basisDocumentId?: string | null;
  dataScope: string;
  channel: SharingChannel;
  procedure: string;
  claimDays: number;
  feedbackDays: number;
  frequency: string;
  confidentiality: Confidentiality;
  /** 审批后反馈 / 提前介入 / 并联审查: the last two give the 受理 push a feedback limit. */
  reviewMode: ReviewMode;
}

/** Every form field; the server's `ValidationErrors` name the same fields. */
export const LINKAGE_FIELDS = [
  'approvalMatterId',
  'approvingDepartmentId',
  'approvingSectionId',
  'approvingPersonId',
  'supervisionMatterId',
  'supervisingDepartmentId',
  'supervisingSectionId',
  'supervisingPersonId',
  'principles',
  'basisDocumentId',
  'dataScope',
  'channel',
  'procedure',
  'claimDays',
  'feedbackDays',
  'frequency',
  'confidentiality',
  'reviewMode',
] as const satisfies readonly (keyof LinkageValues)[];

/** Every principle, in the server's canonical order. */
export const PRINCIPLES: readonly Principle[] = ['WHO_APPROVES', 'WHO_GOVERNS'];

/** The longest claim or feedback time limit the server accepts (working days). */
export const MAX_DAYS = 60;

/** The API's defaults for a new linkage's sharing rules (`LinkageInput` in the schema). */
export const DEFAULT_SHARING: Pick<
  LinkageValues,
  'dataScope' | 'channel' | 'procedure' | 'claimDays' | 'feedbackDays' | 'frequency' | 'confidentiality' | 'reviewMode'
> = {
  dataScope: '审批结果信息：事项名称、法律文书、行政相对人及联系方式',
  channel: 'ONLINE',
  procedure: '推送即认领，认领后按时限反馈',
  claimDays: 1,
  feedbackDays: 5,
  frequency: '实时',
  confidentiality: 'INTERNAL',
  reviewMode: 'AFTER_APPROVAL',
};

interface IdRef {
  id: string;
}

/** The parts of a `Linkage` the form is filled from. */
export interface LinkageForEdit {
  principles: readonly Principle[];
  dataScope: string;
  channel: SharingChannel;
  procedure: string;
  claimDays: number;
  feedbackDays: number;
  frequency: string;
  confidentiality: Confidentiality;
  reviewMode: ReviewMode;
  approvalMatter?: IdRef | null;
  supervisionMatter?: IdRef | null;
  approvingDepartment?: IdRef | null;
  approvingSection?: IdRef | null;
  approvingPerson?: IdRef | null;
  supervisingDepartment?: IdRef | null;
  supervisingSection?: IdRef | null;
  supervisingPerson?: IdRef | null;
  basisDocument?: IdRef | null;
}

/** An existing linkage as form values (edit page). */
export function valuesFromLinkage(l: LinkageForEdit): LinkageValues {
  return {
    approvalMatterId: l.approvalMatter?.id,
    approvingDepartmentId: l.approvingDepartment?.id,
    approvingSectionId: l.approvingSection?.id,
    approvingPersonId: l.approvingPerson?.id,
    supervisionMatterId: l.supervisionMatter?.id,
    supervisingDepartmentId: l.supervisingDepartment?.id,
    supervisingSectionId: l.supervisingSection?.id,
    supervisingPersonId: l.supervisingPerson?.id,
    principles: [...l.principles],
    basisDocumentId: l.basisDocument?.id ?? null,
    dataScope: l.dataScope,
    channel: l.channel,
    procedure: l.procedure,
    claimDays: l.claimDays,
    feedbackDays: l.feedbackDays,
    frequency: l.frequency,
    confidentiality: l.confidentiality,
    reviewMode: l.reviewMode,
  };
}

/**
 * Form values as the mutation's input: text trimmed, no document as null. Throws when a
 * required choice is missing (the form's own rules stop that before this is called).
 */
export function inputFromValues(v: LinkageValues): LinkageInput {
  const required = (value: string | undefined, field: string): string => {
    if (!value) throw new Error(`${field} is required`);
    return value;
  };
  if (!v.principles || v.principles.length === 0) throw new Error('principles is required');
  return {
    approvalMatterId: required(v.approvalMatterId, 'approvalMatterId'),
    approvingDepartmentId: required(v.approvingDepartmentId, 'approvingDepartmentId'),
    approvingSectionId: required(v.approvingSectionId, 'approvingSectionId'),
    approvingPersonId: required(v.approvingPersonId, 'approvingPersonId'),
    supervisionMatterId: required(v.supervisionMatterId, 'supervisionMatterId'),
    supervisingDepartmentId: required(v.supervisingDepartmentId, 'supervisingDepartmentId'),
    supervisingSectionId: required(v.supervisingSectionId, 'supervisingSectionId'),
    supervisingPersonId: required(v.supervisingPersonId, 'supervisingPersonId'),
    principles: PRINCIPLES.filter((p) => v.principles?.includes(p)),
    basisDocumentId: v.basisDocumentId || null,
    dataScope: v.dataScope.trim(),
    channel: v.channel,
    procedure: v.procedure.trim(),
    claimDays: v.claimDays,
    feedbackDays: v.feedbackDays,
    frequency: v.frequency.trim(),
    confidentiality: v.confidentiality,
    reviewMode: v.reviewMode,
  };
}

interface DepartmentLevelRef {
  id: string;
  level: string;
}

/**
 * The server's rule (`needs_basis_document`): approval and supervision split across
 * departments or levels must be documented by 委托书 / 工作交付书 / 工作备忘录.
 */
export function needsBasisDocument(approving: DepartmentLevelRef | undefined, supervising: DepartmentLevelRef | undefined): boolean {
  if (!approving || !supervising) return false;
  return approving.id !== supervising.id || approving.level !== supervising.level;
}

/** A Blob's bytes (FileReader: every browser, and jsdom in the unit tests). */
function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(blob);
  });
}

/** The server's upload limit (`api/core/files.py`). */
export const MAX_BASIS_FILE_BYTES = 10 * 1024 * 1024;

export type BasisFileProblem = 'EMPTY' | 'TOO_LARGE' | 'WRONG_TYPE';

const SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
];

/**
 * Checks a basis document before it is sent: not empty, at most 10 MB, and a PDF, PNG or
 * JPEG by its first bytes (the server checks the content the same way; the name and the
 * browser's MIME guess are not trusted). Returns the problem, or null when the file is fine.
 */
export async function checkBasisFile(file: Blob): Promise<BasisFileProblem | null> {
  if (file.size === 0) return 'EMPTY';
  if (file.size > MAX_BASIS_FILE_BYTES) return 'TOO_LARGE';
  const head = await readBytes(file.slice(0, 8));
  const known = SIGNATURES.some((signature) => signature.every((byte, i) => head[i] === byte));
  return known ? null : 'WRONG_TYPE';
}

/** A file's bytes as base64 (how the API takes files), without blowing the call stack. */
export async function blobToBase64(file: Blob): Promise<string> {
  const bytes = await readBytes(file);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** How a linkage appears in the published versions: the versions that added, changed or removed it. */
export interface PublicationEvent {
  number: number;
  publishedAt: string;
  publisherName: string;
  change: 'ADDED' | 'CHANGED' | 'REMOVED';
}

interface VersionDiff {
  number: number;
  publishedAt: string;
  publisherName: string;
  addedLinkageIds: readonly string[];
  changedLinkageIds: readonly string[];
  removedLinkageIds: readonly string[];
}

/** The publication history of one linkage, newest first. */
export function publicationHistory(linkageId: string, versions: readonly VersionDiff[]): PublicationEvent[] {
  const events: PublicationEvent[] = [];
  for (const v of versions) {
    const change = v.addedLinkageIds.includes(linkageId)
      ? 'ADDED'
      : v.changedLinkageIds.includes(linkageId)
        ? 'CHANGED'
        : v.removedLinkageIds.includes(linkageId)
          ? 'REMOVED'
          : null;
    if (change) events.push({ number: v.number, publishedAt: v.publishedAt, publisherName: v.publisherName, change });
  }
  return events.sort((a, b) => b.number - a.number);
}

interface PushLike {
  pushedAt: string;
  department: { id: string };
  responsibilities: readonly { linkageId: string }[];
}

/**
 * The pushes made under one linkage, newest first: a push goes to one supervising department
 * and carries every linkage of its matter in the list version it was made under, so it counts
 * when it went to this linkage's supervising department and that version held this linkage.
 */
export function pushesUnderLinkage<A extends { pushes: readonly PushLike[] }>(
  linkage: { id: string; supervisingDepartment?: { id: string } | null },
  applications: readonly A[],
  limit: number,
): (A['pushes'][number] & { application: A })[] {
  const departmentId = linkage.supervisingDepartment?.id;
  return applications
    .flatMap((application) =>
      application.pushes
        .filter((p) => p.department.id === departmentId && p.responsibilities.some((r) => r.linkageId === linkage.id))
        .map((p) => ({ ...p, application })),
    )
    .sort((x, y) => y.pushedAt.localeCompare(x.pushedAt))
    .slice(0, limit);
}

/** One entry of an object's change history (`history { action actor actorName at changes { … } }`). */
export interface ChangeEntry {
  action: 'CREATED' | 'UPDATED' | 'SUBMITTED' | 'CONFIRMED' | 'DELETED' | 'REMOVAL_REQUESTED';
  actor: string;
  actorName: string;
  departmentId?: string | null;
  at: string;
  changes: readonly { field: string; before?: string | null; after?: string | null }[];
}

const ENUM_FIELDS: Record<string, string> = {
  principle: 'Principle',
  channel: 'SharingChannel',
  confidentiality: 'Confidentiality',
  reviewMode: 'ReviewMode',
  status: 'LinkageStatus',
  kind: 'MatterKind',
  approvalCategory: 'ApprovalCategory',
};

/** How a recorded value reads: an enum value by its label, a flag as 是/否, text as it is. */
export function changeValueText(
  field: string,
  value: string,
  enums: Readonly<Record<string, Readonly<Record<string, string>> | undefined>>,
  flags: { true: string; false: string },
): string {
  if (field === 'principles') {
    // A set, recorded as codes joined by commas.
    return value
      .split(',')
      .filter(Boolean)
      .map((p) => enums.Principle?.[p] ?? p)
      .join('、');
  }
  const enumName = ENUM_FIELDS[field];
  if (enumName) return enums[enumName]?.[value] ?? value;
  if (value === 'true' || value === 'false') return flags[value];
  return value;
}
