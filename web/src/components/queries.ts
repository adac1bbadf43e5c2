import { graphql } from '@/graphql';

export const MATTER_OPTIONS_QUERY = graphql(`
  query MatterOptions($kind: MatterKind, $keyword: String) {
    matters(kind: $kind, keyword: $keyword, first: 50) {
      id
      code
      name
      department {
        id
      }
    }
  }
`);

export const CREDIT_ASSESSMENT_FIELDS = graphql(`
  fragment CreditAssessmentFields on CreditAssessment {
    level
    levelLabel
    score
    jointPunished
    ruleVersion
    determinedOn
    summary
    causes {
      ruleCode
      ruleName
      scoreDelta
      forcesLevel
    }
    jointPunishments {
      id
      sourceDocument
      measures
      startsOn
      endsOn
      active
    }
  }
`);

export const LEGAL_DOCUMENT_FILE_QUERY = graphql(`
  query LegalDocumentFile($id: ID!) {
    legalDocumentFile(id: $id) {
      fileName
      contentType
      sha256
      contentBase64
    }
  }
`);

export const PUSH_FILE_QUERY = graphql(`
  query PushFile($pushId: ID!, $kind: PushFileKind!) {
    pushFile(pushId: $pushId, kind: $kind) {
      fileName
      contentType
      sha256
      contentBase64
    }
  }
`);

export const NOTICE_ATTACHMENT_FILE_QUERY = graphql(`
  query NoticeAttachmentFile($id: ID!) {
    noticeAttachmentFile(id: $id) {
      fileName
      contentType
      sha256
      contentBase64
    }
  }
`);
