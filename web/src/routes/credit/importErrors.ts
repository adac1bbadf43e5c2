import type { FieldErrorData } from '@/providers/graphql/errors';

export type ImportColumn = 'subjectCode' | 'subjectName' | 'sourceDocument' | 'measures' | 'startsOn' | 'endsOn';

/** The spreadsheet's column names, in the order the server reads them. */
export const IMPORT_COLUMNS: Readonly<Record<ImportColumn, string>> = {
  subjectCode: '统一社会信用代码或身份证号码',
  subjectName: '名称',
  sourceDocument: '惩戒依据文号',
  measures: '惩戒措施',
  startsOn: '开始日期',
  endsOn: '结束日期',
};

export interface ImportRowError {
  /** The spreadsheet row (1 is the header), or null for an error about the whole file. */
  row: number | null;
  /** The column name as written in the spreadsheet, or the raw field. */
  column: string;
  message: string;
}

/** `rows[3].measures` → row 3, column 惩戒措施; anything else concerns the whole file. */
export function importRowErrors(errors: readonly FieldErrorData[]): ImportRowError[] {
  return errors
    .map((error) => {
      const match = /^rows\[(\d+)\]\.(\w+)$/.exec(error.field);
      if (!match) return { row: null, column: '', message: error.message };
      const field = match[2] as string;
      const column = field in IMPORT_COLUMNS ? IMPORT_COLUMNS[field as ImportColumn] : field;
      return { row: Number(match[1]), column, message: error.message };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
