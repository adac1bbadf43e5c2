import { cacheExchange, type Cache } from '@urql/exchange-graphcache';
import { Client, fetchExchange, mapExchange } from 'urql';

import schema from '@/graphql/introspection';
import type { SessionTransport } from '@/providers/auth/session';

import { isPasswordChangeRequired, isUnauthenticated } from './errors';
import { persistedDocumentsExchange } from './persisted';

/** Forget every cached page of a root list field (after a mutation adds to it). */
function invalidateList(cache: Cache, field: string): void {
  for (const info of cache.inspectFields('Query')) {
    if (info.fieldName === field) cache.invalidate('Query', info.fieldName, info.arguments ?? undefined);
  }
}

export interface ClientOptions {
  url?: string;
  transport: SessionTransport;
  onUnauthenticated: () => void;
  onPasswordChangeRequired?: () => void;
  /** Send the document's hash instead of its text (trusted documents); production builds do. */
  sendHashOnly?: boolean;
}

export function createGraphqlClient({
  url = '/graphql',
  transport,
  onUnauthenticated,
  onPasswordChangeRequired,
  sendHashOnly = import.meta.env.PROD,
}: ClientOptions): Client {
  return new Client({
    url,
    fetchOptions: () => transport.requestInit(),
    requestPolicy: 'cache-and-network',
    // Subscriptions (the live inbox) go over the same fetch as queries: GraphQL over SSE, which
    // the gateway speaks; the session cookie travels with it like with any request.
    fetchSubscriptions: true,
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
          else if (isPasswordChangeRequired(error)) onPasswordChangeRequired?.();
        },
      }),
      cacheExchange({
        schema,
        keys: {
          Me: () => null,
          Ability: () => null,
          SignInPayload: () => null,
          ValidationErrors: () => null,
          FieldError: () => null,
          Subject: (s) => (s.creditCode as string | undefined) ?? null,
          // Value objects without an identity of their own: kept inside their parent.
          CreditProfile: () => null,
          CreditCheck: () => null,
          CreditAssessment: () => null,
          CreditCause: () => null,
          CreditAtAcceptance: () => null,
          HandlingModeDecision: () => null,
          LegalDocument: () => null,
          PushedDocument: () => null,
          Done: () => null,
          PageInfo: () => null,
          LinkageListVersion: (v) => (v.number != null ? String(v.number as number) : null),
          PublishedLinkage: () => null,
          LinkageImportSummary: () => null,
          LinkageImportErrors: () => null,
          ImportRowError: () => null,
          FileDownload: () => null,
          // Events are signals to refetch, not entities: pushes and feedback share id numbers.
          InboxEvent: () => null,
          CreditRuleSet: (r) => (r.version != null ? String(r.version as number) : null),
          CreditRule: () => null,
          HandlingPolicyEntry: (e) => (e.mode as string | undefined) ?? null,
          JointPunishmentImport: () => null,
          Spreadsheet: () => null,
          // Statistics and assessment figures: computed per request, no identity.
          LinkageStatistics: () => null,
          LinkageStatisticsSeries: () => null,
          Assessment: () => null,
          AssessmentRow: () => null,
          AssessmentScheme: () => null,
          IndicatorValue: () => null,
          // Coordination value objects (meetings, escalations).
          MeetingParticipant: () => null,
          MeetingExchange: () => null,
          EscalationTransition: () => null,
          CoordinationFile: () => null,
          // The policy catalogue and the permission matrix: computed per request, no identity.
          PolicyCatalogue: () => null,
          PolicyCatalogueEntry: () => null,
          PolicyCatalogueObject: () => null,
          PermissionMatrix: () => null,
          PermissionMatrixCell: () => null,
          PermissionCheck: () => null,
        },
        updates: {
          Mutation: {
            createMatter: (_r, _a, cache) => invalidateList(cache, 'matters'),
            createLinkage: (_r, _a, cache) => invalidateList(cache, 'linkages'),
            deleteLinkage: (_r, args, cache) => {
              invalidateList(cache, 'linkages');
              if (typeof args.id === 'string') cache.invalidate({ __typename: 'Linkage', id: args.id });
            },
            createDepartment: (_r, _a, cache) => invalidateList(cache, 'departments'),
            submitApplication: (_r, _a, cache) => invalidateList(cache, 'applications'),
            // Accepting and completing push to supervising departments: refetch the whole application.
            acceptApplication: (_r, args, cache) => {
              const input = args.input as { applicationId?: string } | undefined;
              if (input?.applicationId) cache.invalidate({ __typename: 'Application', id: input.applicationId });
            },
            completeApplication: (_r, args, cache) => {
              const input = args.input as { applicationId?: string } | undefined;
              if (input?.applicationId) cache.invalidate({ __typename: 'Application', id: input.applicationId });
            },
            registerSubject: (_r, _a, cache) => invalidateList(cache, 'subjects'),
            recordFinding: (_r, args, cache) => {
              invalidateList(cache, 'findings');
              const input = args.input as { applicationId?: string } | undefined;
              if (input?.applicationId) {
                cache.invalidate({ __typename: 'Application', id: input.applicationId }, 'findings');
              }
            },
            addCreditRecord: (_r, args, cache) => {
              const input = args.input as { subjectCode?: string } | undefined;
              if (input?.subjectCode) {
                cache.invalidate({ __typename: 'Subject', creditCode: input.subjectCode }, 'creditRecords');
              }
            },
            publishCreditRules: (_r, _a, cache) => {
              invalidateList(cache, 'creditRules');
              invalidateList(cache, 'creditRuleVersions');
            },
            saveAggregationRule: (_r, _a, cache) => invalidateList(cache, 'aggregationRules'),
            addJointPunishment: (_r, _a, cache) => invalidateList(cache, 'jointPunishments'),
            importJointPunishments: (_r, _a, cache) => invalidateList(cache, 'jointPunishments'),
          },
        },
      }),
      // After the cache, which forwards operations without their extensions.
      persistedDocumentsExchange(sendHashOnly),
      fetchExchange,
    ],
  });
}
