import { graphql } from '@/graphql';

export const STATISTICS_FIELDS_FRAGMENT = graphql(`
  fragment StatisticsFigures on LinkageStatistics {
    since
    until
    department {
      id
      name
      shortName
    }
    linkagesInForce
    pushesSent
    pushesReceived
    receivedAtAcceptance
    receivedAtCompletion
    pushesClaimed
    claimsByMethod {
      method
      count
    }
    claimRate
    claimsDue
    claimedOnTime
    claimedLate
    claimOnTimeRate
    feedbackLimited
    feedbackDue
    feedbackOnTime
    onTimeFeedbackRate
    closedLate
    overdue
    openOverdue
    abnormalResults
    acceptances
    acceptancesWithCreditCheck
    creditCheckRate
    facilitationApplied
    facilitationSkipped
    abnormalFindings
  }
`);

export const STATISTICS_CASES_QUERY = graphql(`
  query StatisticsCases($figure: StatisticsFigure!, $since: Date!, $until: Date!, $departmentId: ID, $offset: Int!) {
    statisticsCases(figure: $figure, since: $since, until: $until, departmentId: $departmentId, first: 100, offset: $offset) {
      __typename
      ... on StatisticsCases {
        figure
        totalCount
        asOf
        department {
          id
          name
        }
        cases {
          applicationId
          pushId
          department {
            id
            name
          }
          stage
          channel
          at
          claimDueAt
          claimedAt
          feedbackDueAt
          fedBackAt
          feedbackResult
          handlingMode
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

export const STATISTICS_QUERY = graphql(`
  query Statistics($since: Date!, $until: Date!) {
    totals: linkageStatistics(since: $since, until: $until) {
      __typename
      ... on LinkageStatistics {
        ...StatisticsFigures
      }
      ... on ValidationErrors {
        errors {
          field
          code
          message
        }
      }
    }
    byDepartment: linkageStatisticsSeries(since: $since, until: $until, by: DEPARTMENT) {
      __typename
      ... on LinkageStatisticsSeries {
        rows {
          ...StatisticsFigures
        }
      }
    }
    byMonth: linkageStatisticsSeries(since: $since, until: $until, by: MONTH) {
      __typename
      ... on LinkageStatisticsSeries {
        rows {
          ...StatisticsFigures
        }
      }
    }
  }
`);

export const STATISTICS_WORKBOOK_QUERY = graphql(`
  query StatisticsWorkbook($since: Date!, $until: Date!, $by: StatisticsGrouping!) {
    linkageStatisticsSeriesWorkbook(since: $since, until: $until, by: $by) {
      __typename
      ... on CoordinationFile {
        filename
        mediaType
        contentBase64
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

export const ASSESSMENT_QUERY = graphql(`
  query StatisticsAssessment($since: Date!, $until: Date!) {
    assessment(since: $since, until: $until) {
      __typename
      ... on Assessment {
        scheme {
          version
        }
        calculatedAt
        rows {
          rank
          departmentName
          score
          department {
            id
          }
          indicators {
            indicator
            label
            value
            weight
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

export const ASSESSMENT_WORKBOOK_QUERY = graphql(`
  query StatisticsAssessmentWorkbook($since: Date!, $until: Date!) {
    assessmentWorkbook(since: $since, until: $until) {
      __typename
      ... on CoordinationFile {
        filename
        mediaType
        contentBase64
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

export const ASSESSMENT_REPORT_QUERY = graphql(`
  query StatisticsAssessmentReport($since: Date!, $until: Date!) {
    assessmentReport(since: $since, until: $until) {
      __typename
      ... on CoordinationFile {
        filename
        mediaType
        contentBase64
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
