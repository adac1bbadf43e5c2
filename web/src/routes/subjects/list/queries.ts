import { graphql } from '@/graphql';

export const SUBJECTS_LIST_QUERY = graphql(`
  query SubjectsList($keyword: String, $recordsExpiringWithinDays: Int, $first: Int!, $offset: Int!) {
    subjects(keyword: $keyword, recordsExpiringWithinDays: $recordsExpiringWithinDays, first: $first, offset: $offset) {
      creditCode
      name
      kind
    }
  }
`);
