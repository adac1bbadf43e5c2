import { graphql } from '../../../graphql';

export const SUBJECT_SHOW_QUERY = graphql(`
  query SubjectShow($creditCode: String!) {
    subject(creditCode: $creditCode) {
      creditCode
      name
      kind
      creditRecords {
        id
        category
        title
        source
        decidedOn
        validUntil
      }
      applications {
        id
        status
        submittedAt
        matter {
          id
          name
        }
      }
    }
  }
`);
