import { graphql } from '@/graphql';

export const APPLICATIONS_LIST_QUERY = graphql(`
  query ApplicationsList(
    $matterId: ID
    $status: ApplicationStatus
    $applicant: String
    $applicantCode: String
    $submittedSince: Date
    $submittedUntil: Date
    $missingItemsOutstanding: Boolean! = false
    $first: Int!
    $offset: Int!
  ) {
    applications(
      matterId: $matterId
      status: $status
      applicant: $applicant
      applicantCode: $applicantCode
      submittedSince: $submittedSince
      submittedUntil: $submittedUntil
      missingItemsOutstanding: $missingItemsOutstanding
      newestFirst: true
      first: $first
      offset: $offset
    ) {
      id
      number
      status
      applicantName
      submittedAt
      matter {
        id
        name
      }
      applicantIdentifier
    }
  }
`);
