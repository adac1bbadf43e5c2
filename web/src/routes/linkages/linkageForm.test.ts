import { describe, expect, it } from 'vitest';

import type { Principle } from '@/graphql/graphql';

import {
  blobToBase64,
  changeValueText,
  checkBasisFile,
  DEFAULT_SHARING,
  inputFromValues,
  MAX_BASIS_FILE_BYTES,
  needsBasisDocument,
  publicationHistory,
  pushesUnderLinkage,
  valuesFromLinkage,
  type LinkageValues,
} from './linkageForm';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);

describe('basis document file check', () => {
  it('accepts PDF, PNG and JPEG by their first bytes, whatever the name says', async () => {
    expect(await checkBasisFile(new Blob([PDF]))).toBeNull();
    expect(await checkBasisFile(new Blob([PNG], { type: 'application/octet-stream' }))).toBeNull();
    expect(await checkBasisFile(new File([JPEG], 'scan.txt'))).toBeNull();
  });

  it('refuses other content even when it is named .pdf', async () => {
    expect(await checkBasisFile(new File(['just text, not a PDF'], '委托书.pdf', { type: 'application/pdf' }))).toBe('WRONG_TYPE');
    // A PNG signature cut short is not a PNG.
    expect(await checkBasisFile(new Blob([PNG.slice(0, 4)]))).toBe('WRONG_TYPE');
  });

  it('refuses empty files and files over 10 MB', async () => {
    expect(await checkBasisFile(new Blob([]))).toBe('EMPTY');
    const big = new Uint8Array(MAX_BASIS_FILE_BYTES + 1);
    big.set(PDF);
    expect(await checkBasisFile(new Blob([big]))).toBe('TOO_LARGE');
    expect(await checkBasisFile(new Blob([big.subarray(0, MAX_BASIS_FILE_BYTES)]))).toBeNull();
  });

  it('encodes files as base64, also past the chunk size', async () => {
    expect(await blobToBase64(new Blob([PDF]))).toBe(btoa(String.fromCharCode(...PDF)));
    const long = new Uint8Array(0x8000 * 2 + 3).map((_, i) => i % 251);
    const encoded = await blobToBase64(new Blob([long]));
    expect(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))).toEqual(long);
  });
});

describe('basis document requirement (the server rule)', () => {
  const city = { id: '1', level: 'CITY' };
  it('is needed across departments or levels, not within one department', () => {
    expect(needsBasisDocument(city, { id: '2', level: 'CITY' })).toBe(true);
    expect(needsBasisDocument(city, { id: '8', level: 'COUNTY' })).toBe(true);
    expect(needsBasisDocument(city, { ...city })).toBe(false);
    expect(needsBasisDocument(city, undefined)).toBe(false);
  });
});

describe('form values and the mutation input', () => {
  const linkage = {
    principles: ['WHO_GOVERNS'] as const,
    ...DEFAULT_SHARING,
    feedbackDays: 10,
    reviewMode: 'EARLY_INVOLVEMENT' as const,
    approvalMatter: { id: '1' },
    supervisionMatter: { id: '7' },
    approvingDepartment: { id: '1' },
    approvingSection: { id: '1' },
    approvingPerson: { id: '1' },
    supervisingDepartment: { id: '2' },
    supervisingSection: { id: '2' },
    supervisingPerson: { id: '3' },
    basisDocument: { id: '5' },
  };

  it('round-trips an existing linkage', () => {
    expect(inputFromValues(valuesFromLinkage(linkage))).toEqual({
      approvalMatterId: '1',
      approvingDepartmentId: '1',
      approvingSectionId: '1',
      approvingPersonId: '1',
      supervisionMatterId: '7',
      supervisingDepartmentId: '2',
      supervisingSectionId: '2',
      supervisingPersonId: '3',
      principles: ['WHO_GOVERNS'],
      basisDocumentId: '5',
      dataScope: DEFAULT_SHARING.dataScope,
      channel: 'ONLINE',
      procedure: DEFAULT_SHARING.procedure,
      claimDays: 1,
      feedbackDays: 10,
      frequency: '实时',
      confidentiality: 'INTERNAL',
      reviewMode: 'EARLY_INVOLVEMENT',
    });
  });

  it('trims text and sends no document as null', () => {
    const values: LinkageValues = {
      ...valuesFromLinkage({ ...linkage, basisDocument: null }),
      frequency: ' 每日 ',
      dataScope: ' 许可证信息\n',
    };
    const input = inputFromValues(values);
    expect(input.basisDocumentId).toBeNull();
    expect(input.frequency).toBe('每日');
    expect(input.dataScope).toBe('许可证信息');
    expect(inputFromValues({ ...values, basisDocumentId: '' }).basisDocumentId).toBeNull();
  });

  it('refuses to build an input without both sides', () => {
    expect(() => inputFromValues({ ...valuesFromLinkage(linkage), supervisingPersonId: undefined })).toThrow('supervisingPersonId');
    expect(() => inputFromValues({ ...valuesFromLinkage(linkage), principles: [] })).toThrow('principles');
  });

  it('sends several principles in the canonical order', () => {
    const values = { ...valuesFromLinkage(linkage), principles: ['WHO_GOVERNS', 'WHO_APPROVES'] as Principle[] };
    expect(inputFromValues(values).principles).toEqual(['WHO_APPROVES', 'WHO_GOVERNS']);
  });
});

describe('publication history of one linkage', () => {
  const version = (number: number, added: string[], changed: string[], removed: string[]) => ({
    number,
    publishedAt: `2026-0${number}-01T00:00:00Z`,
    publisherName: '协调办 周敏',
    addedLinkageIds: added,
    changedLinkageIds: changed,
    removedLinkageIds: removed,
  });

  it('lists the versions that added, changed and removed it, newest first', () => {
    const versions = [version(1, ['1', '2'], [], []), version(3, [], [], ['2']), version(2, ['3'], ['2'], [])];
    expect(publicationHistory('2', versions).map((e) => [e.number, e.change])).toEqual([
      [3, 'REMOVED'],
      [2, 'CHANGED'],
      [1, 'ADDED'],
    ]);
    expect(publicationHistory('12', versions)).toEqual([]);
  });
});

describe('values in a change history', () => {
  const enums = { Principle: { WHO_APPROVES: '谁审批谁负责', WHO_GOVERNS: '谁主管谁监管' }, LinkageStatus: { CONFIRMED: '双方已确认' } };
  const flags = { true: '是', false: '否' };

  it('names enum values and flags, and leaves text as it is', () => {
    expect(changeValueText('principle', 'WHO_GOVERNS', enums, flags)).toBe('谁主管谁监管');
    expect(changeValueText('principles', 'WHO_APPROVES,WHO_GOVERNS', enums, flags)).toBe('谁审批谁负责、谁主管谁监管');
    expect(changeValueText('status', 'CONFIRMED', enums, flags)).toBe('双方已确认');
    expect(changeValueText('removalRequested', 'true', enums, flags)).toBe('是');
    expect(changeValueText('supervisingPersonId', '赵磊', enums, flags)).toBe('赵磊');
  });
});

describe('pushes made under one linkage', () => {
  const push = (id: string, department: string, at: string, linkageIds: string[]) => ({
    id,
    pushedAt: `2026-04-0${at}T08:00:00Z`,
    department: { id: department },
    responsibilities: linkageIds.map((linkageId) => ({ linkageId })),
  });
  // Application 1 was pushed to departments 2 and 4 under a version holding linkages 7 (→ 2) and 6 (→ 4).
  const applications = [
    { id: '1', pushes: [push('a', '2', '1', ['7', '6']), push('b', '4', '1', ['7', '6']), push('c', '2', '3', ['7', '6'])] },
    // Pushed to department 2 under an older version without linkage 7.
    { id: '2', pushes: [push('d', '2', '2', ['5'])] },
    { id: '3', pushes: [push('e', '2', '5', ['7'])] },
  ];
  const linkage = { id: '7', supervisingDepartment: { id: '2' } };

  it('keeps the pushes to its supervising department under a version that held it, newest first', () => {
    expect(pushesUnderLinkage(linkage, applications, 10).map((p) => [p.id, p.application.id])).toEqual([
      ['e', '3'],
      ['c', '1'],
      ['a', '1'],
    ]);
  });

  it('stops at the limit', () => {
    expect(pushesUnderLinkage(linkage, applications, 2).map((p) => p.id)).toEqual(['e', 'c']);
    expect(pushesUnderLinkage({ id: '6', supervisingDepartment: { id: '4' } }, applications, 10).map((p) => p.id)).toEqual(['b']);
  });
});
