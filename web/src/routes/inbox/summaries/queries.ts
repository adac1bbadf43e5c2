import { graphql } from '@/graphql';

export const MONTHLY_SUMMARIES_QUERY = graphql(`
  query MonthlySummaries {
    monthlySummaries {
      id
      month
      pushes
      claims
      lateClaims
      claimsByMethod {
        method
        count
      }
      feedback
      closedWithoutAbnormality
      abnormalFeedback
      overdue
      createdAt
    }
  }
`);

export const MONTHLY_SUMMARY_WORKBOOK_QUERY = graphql(`
  query MonthlySummaryWorkbook($id: ID!) {
    monthlySummaryWorkbook(id: $id) {
      fileName
      contentBase64
    }
  }
`);
