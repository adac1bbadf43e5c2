import { graphql } from '../graphql';

export const MATTER_OPTIONS_QUERY = graphql(`
  query MatterOptions($keyword: String) {
    matters(kind: APPROVAL, keyword: $keyword, first: 50) {
      id
      code
      name
    }
  }
`);
