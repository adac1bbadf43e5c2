import { graphql } from '@/graphql';

export const CARD_FIELDS = graphql(`
  fragment CardRow on EscalationCard {
    id
    stage
    color
    liaisonName
    listVersion
    limitHours
    elapsedHours
    dueOn
    raisedAt
    smsDeliveries {
      role
      state
      recipientName
      attempts
      lastError
    }
    department {
      id
      name
    }
    fromDepartment {
      id
      name
    }
    push {
      id
      supervisionCode
      matterName
      applicantName
      state
      feedbackState
      application {
        id
      }
    }
  }
`);

export const RED_CARD_BOARD_QUERY = graphql(`
  query RedCardBoard($openOnly: Boolean!, $first: Int!, $after: String) {
    redCardBoard(openOnly: $openOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CardRow
        }
      }
    }
  }
`);

export const ESCALATION_CARDS_QUERY = graphql(`
  query EscalationCards($color: CardColor, $first: Int!, $after: String) {
    escalationCards(color: $color, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CardRow
        }
      }
    }
  }
`);
