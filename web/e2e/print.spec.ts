import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(import.meta.dirname, '../test-results/print');

/**
 * The text of each page of a PDF, read by pypdf from the project's own environment. The CJK
 * font maps some characters to radical code points (⻚ for 页, ⼩ for 小): NFKC and a short
 * table of the radicals it leaves bring them back.
 */
function pdfPages(path: string): string[] {
  const script = [
    'import json, sys, unicodedata',
    'from pypdf import PdfReader',
    "RADICALS = str.maketrans({'⻚': '页', '⻔': '门', '⻝': '食', '⻓': '长', '⻢': '马'})",
    'reader = PdfReader(sys.argv[1])',
    "texts = [unicodedata.normalize('NFKC', p.extract_text()).translate(RADICALS) for p in reader.pages]",
    'print(json.dumps(texts, ensure_ascii=False))',
  ].join('\n');
  const out = execFileSync(resolve(ROOT, '.venv/bin/python'), ['-c', script, path], { encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

test('the public list prints on A4 landscape with the issuing authority, its version and page numbers', async ({ page }) => {
  await page.goto('/public/list');
  // The latest version (other specs may have published more than the demo's first).
  await expect(page.getByTestId('published-version')).toContainText(/第 \d+ 版/);
  const version = (await page.getByTestId('published-version').textContent())?.match(/第 (\d+) 版/)?.[1] ?? '';
  // On screen the print heading is hidden; in print it names the publishing department.
  await expect(page.getByTestId('print-heading')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  const heading = page.getByTestId('print-heading');
  await expect(heading).toBeVisible();
  await expect(heading).toContainText('发布单位：');
  await expect(heading).toContainText(`第 ${version} 版`);
  await expect(heading).toContainText('打印日期：');
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();

  const publisher = (await heading.textContent())?.match(/发布单位：(\S+)/)?.[1] ?? '';
  expect(publisher).not.toBe('');
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, 'public-list.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = pdfPages(file);
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages[0]).toContain(`发布单位:${publisher}`); // NFKC turns the full-width colon into ':'
  expect(pages[0]).toContain('益阳市审批监管联动事项清单');
  pages.forEach((text, i) => expect(text).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`));
  // A4 landscape: wider than high (points).
  const size = execFileSync(
    resolve(ROOT, '.venv/bin/python'),
    [
      '-c',
      'import sys; from pypdf import PdfReader; b = PdfReader(sys.argv[1]).pages[0].mediabox; print(round(float(b.width)), round(float(b.height)))',
      file,
    ],
    { encoding: 'utf8' },
  ).trim();
  expect(size).toBe('842 595');
});
