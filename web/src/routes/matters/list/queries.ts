import { graphql } from '@/graphql';

export const MATTERS_LIST_QUERY = graphql(`
  query MattersList($kind: MatterKind, $departmentId: ID, $keyword: String, $first: Int!, $offset: Int!) {
    matters(kind: $kind, departmentId: $departmentId, keyword: $keyword, first: $first, offset: $offset) {
      id
      code
      name
      kind
      legalBasis
      status
      repealedOn
      department {
        id
        name
      }
    }
  }
`);

export const DEPARTMENT_OPTIONS_QUERY = graphql(`
  query DepartmentOptions {
    departments {
      id
      name
    }
  }
`);
