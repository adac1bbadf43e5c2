import { graphql } from '@/graphql';

// Red cards raised on one department (the receiving side of the push), newest pages first.
export const DEPARTMENT_RED_CARDS_QUERY = graphql(`
  query DepartmentRedCards($departmentId: ID!, $first: Int!) {
    escalationCards(color: RED, departmentId: $departmentId, first: $first) {
      totalCount
      edges {
        node {
          ...CardRow
        }
      }
    }
  }
`);
