import { graphql } from '@/graphql';

export const SUBJECTS_LIST_QUERY = graphql(`
  query SubjectsList($keyword: String, $first: Int!, $offset: Int!) {
    subjects(keyword: $keyword, first: $first, offset: $offset) {
      creditCode
      name
      kind
    }
  }
`);
