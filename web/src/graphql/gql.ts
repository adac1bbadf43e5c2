/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      username\n      displayName\n      departmentId\n      departmentIds\n      roles\n    }\n  }\n": typeof types.MeDocument,
    "\n  query DepartmentNames {\n    departments {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.DepartmentNamesDocument,
    "\n  query MatterOptions($keyword: String) {\n    matters(kind: APPROVAL, keyword: $keyword, first: 50) {\n      id\n      code\n      name\n    }\n  }\n": typeof types.MatterOptionsDocument,
    "\n  mutation ApplicationSubmit($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      __typename\n      ... on Application {\n        id\n        status\n        applicantName\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.ApplicationSubmitDocument,
    "\n  query ApplicationsList($matterId: ID, $first: Int!, $offset: Int!) {\n    applications(matterId: $matterId, first: $first, offset: $offset) {\n      id\n      status\n      applicantName\n      submittedAt\n      matter {\n        id\n        name\n      }\n      applicant {\n        creditCode\n      }\n    }\n  }\n": typeof types.ApplicationsListDocument,
    "\n  query ApplicationShow($id: ID!) {\n    application(id: $id) {\n      id\n      status\n      applicantName\n      applicantContact\n      applicantAddress\n      submittedAt\n      matter {\n        id\n        code\n        name\n        department {\n          id\n          name\n        }\n      }\n      applicant {\n        creditCode\n        name\n        kind\n        creditRecords {\n          id\n          category\n          title\n          source\n          decidedOn\n          validUntil\n        }\n      }\n      findings {\n        id\n        kind\n        abnormal\n        summary\n        foundOn\n        department {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ApplicationShowDocument,
    "\n  mutation FindingRecord($input: RecordFindingInput!) {\n    recordFinding(input: $input) {\n      __typename\n      ... on Finding {\n        id\n        kind\n        abnormal\n        summary\n        foundOn\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.FindingRecordDocument,
    "\n  query DepartmentsList {\n    departments {\n      id\n      name\n      shortName\n      level\n      creditCode\n      parentId\n    }\n  }\n": typeof types.DepartmentsListDocument,
    "\n  mutation MatterCreate($input: CreateMatterInput!) {\n    createMatter(input: $input) {\n      __typename\n      ... on Matter {\n        id\n        code\n        name\n        kind\n        department {\n          id\n          name\n        }\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.MatterCreateDocument,
    "\n  query MattersList($kind: MatterKind, $departmentId: ID, $keyword: String, $first: Int!, $offset: Int!) {\n    matters(kind: $kind, departmentId: $departmentId, keyword: $keyword, first: $first, offset: $offset) {\n      id\n      code\n      name\n      kind\n      legalBasis\n      department {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MattersListDocument,
    "\n  query DepartmentOptions {\n    departments {\n      id\n      name\n    }\n  }\n": typeof types.DepartmentOptionsDocument,
    "\n  mutation SignIn($username: String!, $password: String!, $departmentId: ID) {\n    signIn(username: $username, password: $password, departmentId: $departmentId) {\n      __typename\n      ... on SignInPayload {\n        token\n        username\n        displayName\n        departmentId\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SubjectRegister($input: RegisterSubjectInput!) {\n    registerSubject(input: $input) {\n      __typename\n      ... on Subject {\n        creditCode\n        name\n        kind\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.SubjectRegisterDocument,
    "\n  query SubjectsList($keyword: String, $first: Int!, $offset: Int!) {\n    subjects(keyword: $keyword, first: $first, offset: $offset) {\n      creditCode\n      name\n      kind\n    }\n  }\n": typeof types.SubjectsListDocument,
    "\n  query SubjectShow($creditCode: String!) {\n    subject(creditCode: $creditCode) {\n      creditCode\n      name\n      kind\n      creditRecords {\n        id\n        category\n        title\n        source\n        decidedOn\n        validUntil\n      }\n    }\n  }\n": typeof types.SubjectShowDocument,
    "\n  mutation CreditRecordAdd($input: AddCreditRecordInput!) {\n    addCreditRecord(input: $input) {\n      __typename\n      ... on CreditRecord {\n        id\n        category\n        title\n        source\n        decidedOn\n        validUntil\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.CreditRecordAddDocument,
    "\n  query WorkbenchMatterCount($kind: MatterKind!, $cap: Int!) {\n    matters(kind: $kind, first: $cap) {\n      id\n    }\n  }\n": typeof types.WorkbenchMatterCountDocument,
    "\n  query WorkbenchApplicationCount($cap: Int!) {\n    applications(first: $cap) {\n      id\n    }\n  }\n": typeof types.WorkbenchApplicationCountDocument,
    "\n  query WorkbenchFindingCount($cap: Int!) {\n    findings(first: $cap) {\n      id\n    }\n  }\n": typeof types.WorkbenchFindingCountDocument,
    "\n  query WorkbenchSubjectCount($cap: Int!) {\n    subjects(first: $cap) {\n      creditCode\n    }\n  }\n": typeof types.WorkbenchSubjectCountDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      username\n      displayName\n      departmentId\n      departmentIds\n      roles\n    }\n  }\n": types.MeDocument,
    "\n  query DepartmentNames {\n    departments {\n      id\n      name\n      shortName\n    }\n  }\n": types.DepartmentNamesDocument,
    "\n  query MatterOptions($keyword: String) {\n    matters(kind: APPROVAL, keyword: $keyword, first: 50) {\n      id\n      code\n      name\n    }\n  }\n": types.MatterOptionsDocument,
    "\n  mutation ApplicationSubmit($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      __typename\n      ... on Application {\n        id\n        status\n        applicantName\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.ApplicationSubmitDocument,
    "\n  query ApplicationsList($matterId: ID, $first: Int!, $offset: Int!) {\n    applications(matterId: $matterId, first: $first, offset: $offset) {\n      id\n      status\n      applicantName\n      submittedAt\n      matter {\n        id\n        name\n      }\n      applicant {\n        creditCode\n      }\n    }\n  }\n": types.ApplicationsListDocument,
    "\n  query ApplicationShow($id: ID!) {\n    application(id: $id) {\n      id\n      status\n      applicantName\n      applicantContact\n      applicantAddress\n      submittedAt\n      matter {\n        id\n        code\n        name\n        department {\n          id\n          name\n        }\n      }\n      applicant {\n        creditCode\n        name\n        kind\n        creditRecords {\n          id\n          category\n          title\n          source\n          decidedOn\n          validUntil\n        }\n      }\n      findings {\n        id\n        kind\n        abnormal\n        summary\n        foundOn\n        department {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ApplicationShowDocument,
    "\n  mutation FindingRecord($input: RecordFindingInput!) {\n    recordFinding(input: $input) {\n      __typename\n      ... on Finding {\n        id\n        kind\n        abnormal\n        summary\n        foundOn\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.FindingRecordDocument,
    "\n  query DepartmentsList {\n    departments {\n      id\n      name\n      shortName\n      level\n      creditCode\n      parentId\n    }\n  }\n": types.DepartmentsListDocument,
    "\n  mutation MatterCreate($input: CreateMatterInput!) {\n    createMatter(input: $input) {\n      __typename\n      ... on Matter {\n        id\n        code\n        name\n        kind\n        department {\n          id\n          name\n        }\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.MatterCreateDocument,
    "\n  query MattersList($kind: MatterKind, $departmentId: ID, $keyword: String, $first: Int!, $offset: Int!) {\n    matters(kind: $kind, departmentId: $departmentId, keyword: $keyword, first: $first, offset: $offset) {\n      id\n      code\n      name\n      kind\n      legalBasis\n      department {\n        id\n        name\n      }\n    }\n  }\n": types.MattersListDocument,
    "\n  query DepartmentOptions {\n    departments {\n      id\n      name\n    }\n  }\n": types.DepartmentOptionsDocument,
    "\n  mutation SignIn($username: String!, $password: String!, $departmentId: ID) {\n    signIn(username: $username, password: $password, departmentId: $departmentId) {\n      __typename\n      ... on SignInPayload {\n        token\n        username\n        displayName\n        departmentId\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SubjectRegister($input: RegisterSubjectInput!) {\n    registerSubject(input: $input) {\n      __typename\n      ... on Subject {\n        creditCode\n        name\n        kind\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.SubjectRegisterDocument,
    "\n  query SubjectsList($keyword: String, $first: Int!, $offset: Int!) {\n    subjects(keyword: $keyword, first: $first, offset: $offset) {\n      creditCode\n      name\n      kind\n    }\n  }\n": types.SubjectsListDocument,
    "\n  query SubjectShow($creditCode: String!) {\n    subject(creditCode: $creditCode) {\n      creditCode\n      name\n      kind\n      creditRecords {\n        id\n        category\n        title\n        source\n        decidedOn\n        validUntil\n      }\n    }\n  }\n": types.SubjectShowDocument,
    "\n  mutation CreditRecordAdd($input: AddCreditRecordInput!) {\n    addCreditRecord(input: $input) {\n      __typename\n      ... on CreditRecord {\n        id\n        category\n        title\n        source\n        decidedOn\n        validUntil\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.CreditRecordAddDocument,
    "\n  query WorkbenchMatterCount($kind: MatterKind!, $cap: Int!) {\n    matters(kind: $kind, first: $cap) {\n      id\n    }\n  }\n": types.WorkbenchMatterCountDocument,
    "\n  query WorkbenchApplicationCount($cap: Int!) {\n    applications(first: $cap) {\n      id\n    }\n  }\n": types.WorkbenchApplicationCountDocument,
    "\n  query WorkbenchFindingCount($cap: Int!) {\n    findings(first: $cap) {\n      id\n    }\n  }\n": types.WorkbenchFindingCountDocument,
    "\n  query WorkbenchSubjectCount($cap: Int!) {\n    subjects(first: $cap) {\n      creditCode\n    }\n  }\n": types.WorkbenchSubjectCountDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      username\n      displayName\n      departmentId\n      departmentIds\n      roles\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      username\n      displayName\n      departmentId\n      departmentIds\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentNames {\n    departments {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  query DepartmentNames {\n    departments {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatterOptions($keyword: String) {\n    matters(kind: APPROVAL, keyword: $keyword, first: 50) {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query MatterOptions($keyword: String) {\n    matters(kind: APPROVAL, keyword: $keyword, first: 50) {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplicationSubmit($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      __typename\n      ... on Application {\n        id\n        status\n        applicantName\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApplicationSubmit($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      __typename\n      ... on Application {\n        id\n        status\n        applicantName\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationsList($matterId: ID, $first: Int!, $offset: Int!) {\n    applications(matterId: $matterId, first: $first, offset: $offset) {\n      id\n      status\n      applicantName\n      submittedAt\n      matter {\n        id\n        name\n      }\n      applicant {\n        creditCode\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationsList($matterId: ID, $first: Int!, $offset: Int!) {\n    applications(matterId: $matterId, first: $first, offset: $offset) {\n      id\n      status\n      applicantName\n      submittedAt\n      matter {\n        id\n        name\n      }\n      applicant {\n        creditCode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationShow($id: ID!) {\n    application(id: $id) {\n      id\n      status\n      applicantName\n      applicantContact\n      applicantAddress\n      submittedAt\n      matter {\n        id\n        code\n        name\n        department {\n          id\n          name\n        }\n      }\n      applicant {\n        creditCode\n        name\n        kind\n        creditRecords {\n          id\n          category\n          title\n          source\n          decidedOn\n          validUntil\n        }\n      }\n      findings {\n        id\n        kind\n        abnormal\n        summary\n        foundOn\n        department {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationShow($id: ID!) {\n    application(id: $id) {\n      id\n      status\n      applicantName\n      applicantContact\n      applicantAddress\n      submittedAt\n      matter {\n        id\n        code\n        name\n        department {\n          id\n          name\n        }\n      }\n      applicant {\n        creditCode\n        name\n        kind\n        creditRecords {\n          id\n          category\n          title\n          source\n          decidedOn\n          validUntil\n        }\n      }\n      findings {\n        id\n        kind\n        abnormal\n        summary\n        foundOn\n        department {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FindingRecord($input: RecordFindingInput!) {\n    recordFinding(input: $input) {\n      __typename\n      ... on Finding {\n        id\n        kind\n        abnormal\n        summary\n        foundOn\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FindingRecord($input: RecordFindingInput!) {\n    recordFinding(input: $input) {\n      __typename\n      ... on Finding {\n        id\n        kind\n        abnormal\n        summary\n        foundOn\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentsList {\n    departments {\n      id\n      name\n      shortName\n      level\n      creditCode\n      parentId\n    }\n  }\n"): (typeof documents)["\n  query DepartmentsList {\n    departments {\n      id\n      name\n      shortName\n      level\n      creditCode\n      parentId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatterCreate($input: CreateMatterInput!) {\n    createMatter(input: $input) {\n      __typename\n      ... on Matter {\n        id\n        code\n        name\n        kind\n        department {\n          id\n          name\n        }\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MatterCreate($input: CreateMatterInput!) {\n    createMatter(input: $input) {\n      __typename\n      ... on Matter {\n        id\n        code\n        name\n        kind\n        department {\n          id\n          name\n        }\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MattersList($kind: MatterKind, $departmentId: ID, $keyword: String, $first: Int!, $offset: Int!) {\n    matters(kind: $kind, departmentId: $departmentId, keyword: $keyword, first: $first, offset: $offset) {\n      id\n      code\n      name\n      kind\n      legalBasis\n      department {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query MattersList($kind: MatterKind, $departmentId: ID, $keyword: String, $first: Int!, $offset: Int!) {\n    matters(kind: $kind, departmentId: $departmentId, keyword: $keyword, first: $first, offset: $offset) {\n      id\n      code\n      name\n      kind\n      legalBasis\n      department {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentOptions {\n    departments {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query DepartmentOptions {\n    departments {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($username: String!, $password: String!, $departmentId: ID) {\n    signIn(username: $username, password: $password, departmentId: $departmentId) {\n      __typename\n      ... on SignInPayload {\n        token\n        username\n        displayName\n        departmentId\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($username: String!, $password: String!, $departmentId: ID) {\n    signIn(username: $username, password: $password, departmentId: $departmentId) {\n      __typename\n      ... on SignInPayload {\n        token\n        username\n        displayName\n        departmentId\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubjectRegister($input: RegisterSubjectInput!) {\n    registerSubject(input: $input) {\n      __typename\n      ... on Subject {\n        creditCode\n        name\n        kind\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubjectRegister($input: RegisterSubjectInput!) {\n    registerSubject(input: $input) {\n      __typename\n      ... on Subject {\n        creditCode\n        name\n        kind\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectsList($keyword: String, $first: Int!, $offset: Int!) {\n    subjects(keyword: $keyword, first: $first, offset: $offset) {\n      creditCode\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query SubjectsList($keyword: String, $first: Int!, $offset: Int!) {\n    subjects(keyword: $keyword, first: $first, offset: $offset) {\n      creditCode\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectShow($creditCode: String!) {\n    subject(creditCode: $creditCode) {\n      creditCode\n      name\n      kind\n      creditRecords {\n        id\n        category\n        title\n        source\n        decidedOn\n        validUntil\n      }\n    }\n  }\n"): (typeof documents)["\n  query SubjectShow($creditCode: String!) {\n    subject(creditCode: $creditCode) {\n      creditCode\n      name\n      kind\n      creditRecords {\n        id\n        category\n        title\n        source\n        decidedOn\n        validUntil\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditRecordAdd($input: AddCreditRecordInput!) {\n    addCreditRecord(input: $input) {\n      __typename\n      ... on CreditRecord {\n        id\n        category\n        title\n        source\n        decidedOn\n        validUntil\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreditRecordAdd($input: AddCreditRecordInput!) {\n    addCreditRecord(input: $input) {\n      __typename\n      ... on CreditRecord {\n        id\n        category\n        title\n        source\n        decidedOn\n        validUntil\n      }\n      ... on ValidationErrors {\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchMatterCount($kind: MatterKind!, $cap: Int!) {\n    matters(kind: $kind, first: $cap) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query WorkbenchMatterCount($kind: MatterKind!, $cap: Int!) {\n    matters(kind: $kind, first: $cap) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchApplicationCount($cap: Int!) {\n    applications(first: $cap) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query WorkbenchApplicationCount($cap: Int!) {\n    applications(first: $cap) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchFindingCount($cap: Int!) {\n    findings(first: $cap) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query WorkbenchFindingCount($cap: Int!) {\n    findings(first: $cap) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchSubjectCount($cap: Int!) {\n    subjects(first: $cap) {\n      creditCode\n    }\n  }\n"): (typeof documents)["\n  query WorkbenchSubjectCount($cap: Int!) {\n    subjects(first: $cap) {\n      creditCode\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;