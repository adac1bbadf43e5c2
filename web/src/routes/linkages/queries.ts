import { graphql } from '@/graphql';

export const LINKAGES_QUERY = graphql(`
  query Linkages($keyword: String, $confirmed: Boolean, $first: Int!, $after: String) {
    linkages(keyword: $keyword, confirmed: $confirmed, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          principles
          crossDepartment
          crossLevel
          claimDays
          feedbackDays
          confirmed
          supervisionConfirmedAt
          approvalMatter {
            id
            code
            name
            status
            repealedOn
          }
          supervisionMatter {
            id
            code
            name
            status
            repealedOn
          }
          approvingDepartment {
            id
            name
          }
          supervisingDepartment {
            id
            name
          }
          supervisingPerson {
            id
            name
          }
        }
      }
    }
  }
`);

export const LINKAGE_CONFIRM_MUTATION = graphql(`
  mutation LinkageConfirm($id: ID!) {
    confirmLinkage(id: $id) {
      __typename
      ... on Linkage {
        id
        confirmed
        status
        supervisionConfirmedAt
        history {
          action
          actor
          actorName
          departmentId
          at
          changes {
            field
            before
            after
          }
        }
      }
      ... on ValidationErrors {
        errors {
          field
          code
          message
        }
      }
    }
  }
`);

export const LINKAGE_WORKBOOK_QUERY = graphql(`
  query LinkageWorkbook {
    linkageWorkbook {
      fileName
      contentType
      contentBase64
    }
  }
`);

export const LINKAGE_IMPORT_MUTATION = graphql(`
  mutation LinkageImport($contentBase64: String!) {
    importLinkages(contentBase64: $contentBase64) {
      __typename
      ... on LinkageImportSummary {
        created
        updated
        unchanged
        awaitingConfirmationLinkageIds
      }
      ... on LinkageImportErrors {
        errors {
          row
          column
          code
          message
        }
      }
    }
  }
`);

export const LINKAGE_PUBLISH_MUTATION = graphql(`
  mutation LinkagePublish($summary: String!) {
    publishLinkageList(summary: $summary) {
      __typename
      ... on LinkageListVersion {
        number
        publishedAt
        addedLinkageIds
        changedLinkageIds
        removedLinkageIds
      }
      ... on ValidationErrors {
        errors {
          field
          code
          message
        }
      }
    }
  }
`);
