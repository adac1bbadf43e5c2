/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date (isoformat) */
  Date: { input: string; output: string; }
  /** Date with time (isoformat) */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: any; output: any; }
};

/** 受理办件：须附信用子图 creditCheck 签发的核查凭证 */
export type AcceptApplicationInput = {
  applicationId: Scalars['ID']['input'];
  /** 告知承诺：承诺内容与签署的承诺书 */
  commitment?: InputMaybe<CommitmentInput>;
  creditTicket: Scalars['String']['input'];
  handlingMode: HandlingMode;
  /** 容缺受理：逐项登记所缺材料（及补正期限） */
  missingItems?: Array<MissingItemInput>;
  /** 理由说明（理由为“其他”时必填） */
  skipNote?: Scalars['String']['input'];
  /** 未适用信用措施的理由（有建议措施而未适用时必填） */
  skipReason?: InputMaybe<SkipReason>;
  /** 失信主体是否从严审查（不适用须说明理由） */
  stricterReview?: Scalars['Boolean']['input'];
};

/** 新增信用记录 */
export type AddCreditRecordInput = {
  /** 作出决定的机关（部门名称） */
  authority?: Scalars['String']['input'];
  category: RecordCategory;
  decidedOn: Scalars['Date']['input'];
  /** 文书编号 */
  documentNumber?: Scalars['String']['input'];
  /** 涉及的事项名称 */
  matterName?: Scalars['String']['input'];
  source: Scalars['String']['input'];
  subjectCode: Scalars['String']['input'];
  title: Scalars['String']['input'];
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** 手工列入联合惩戒名单 */
export type AddJointPunishmentInput = {
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  measures: Scalars['String']['input'];
  /** 惩戒依据文号 */
  sourceDocument: Scalars['String']['input'];
  startsOn: Scalars['Date']['input'];
  /** 统一社会信用代码或身份证号码 */
  subjectCode: Scalars['String']['input'];
  /** 主体名称（主体尚未登记时用于登记） */
  subjectName?: InputMaybe<Scalars['String']['input']>;
};

/** 议题：所涉对象的类别与编号（联动事项、办件、监管结果、政策文件） */
export type AgendaItemInput = {
  kind?: AgendaKind;
  refId?: InputMaybe<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
};

/** 议题所涉对象：联动事项 / 办件 / 监管结果 / 政策文件 / 提请事项 / 其他 */
export type AgendaKind =
  | 'APPLICATION'
  | 'ESCALATION'
  | 'FINDING'
  | 'LINKAGE'
  | 'OTHER'
  | 'POLICY_NOTICE';

/** 保存归集规则（同一监管结果类别与结果类型只有一条） */
export type AggregationRuleInput = {
  category: RecordCategory;
  enabled?: Scalars['Boolean']['input'];
  /** 监管结果类别，如 ENFORCEMENT_RESULT */
  findingKind: Scalars['String']['input'];
  /** 结果类型，如 罚款；* 表示该类别的任意结果 */
  resultType: Scalars['String']['input'];
  validityMonths?: InputMaybe<Scalars['Int']['input']>;
};

/** 发布法律法规政策变化通知 */
export type AnnouncePolicyNoticeInput = {
  body: Scalars['String']['input'];
  changeKind: ChangeKind;
  effectiveOn?: InputMaybe<Scalars['Date']['input']>;
  matterIds: Array<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
};

/** 申请人类别：法人及其他组织 / 自然人 */
export type ApplicantKind =
  | 'LEGAL_PERSON'
  | 'NATURAL_PERSON';

/** 办件状态：已申报 / 已受理 / 办结准予 / 办结不予 */
export type ApplicationStatus =
  | 'ACCEPTED'
  | 'APPROVED'
  | 'REFUSED'
  | 'SUBMITTED';

/** 审批事项类别：行政许可 / 其他行政权力 / 公共服务 */
export type ApprovalCategory =
  | 'LICENSING'
  | 'OTHER_POWER'
  | 'PUBLIC_SERVICE';

/** 附件：文件名与 base64 内容（PDF、PNG、JPEG，≤10 MB） */
export type AttachmentInput = {
  contentBase64: Scalars['String']['input'];
  filename: Scalars['String']['input'];
};

/** 审计事件类别 */
export type AuditAction =
  | 'ACCESS_DENIED'
  | 'ACCOUNT_CHANGE'
  | 'API_KEY_CHANGE'
  | 'CITY_WIDE_READ'
  | 'CREDIT_LOOKUP'
  | 'DEAD_LETTER_RETRY'
  | 'DEPARTMENT_SWITCH'
  | 'EXPORT'
  | 'PASSWORD_CHANGE'
  | 'POLICY_CHANGE'
  | 'SIGN_IN'
  | 'SIGN_IN_FAILED'
  | 'SIGN_OUT';

/** 审计记录筛选 */
export type AuditFilterInput = {
  action?: InputMaybe<AuditAction>;
  actor?: InputMaybe<Scalars['String']['input']>;
  departmentId?: InputMaybe<Scalars['String']['input']>;
  outcome?: InputMaybe<AuditOutcome>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** 审计结果 */
export type AuditOutcome =
  | 'DENIED'
  | 'FAILURE'
  | 'SUCCESS';

/** 委托书 / 工作交付书 / 工作备忘录 */
export type BasisKind =
  | 'ENTRUSTMENT'
  | 'HANDOVER'
  | 'MEMORANDUM';

/** 亮牌颜色：黄牌（过半）/ 红牌（将至） */
export type CardColor =
  | 'RED'
  | 'YELLOW';

/** 亮牌时限：认领 / 反馈 */
export type CardStage =
  | 'CLAIM'
  | 'FEEDBACK';

/** 变更类型：新建 / 修改 / 提交 / 确认 / 删除 / 标记移除 */
export type ChangeAction =
  | 'CONFIRMED'
  | 'CREATED'
  | 'DELETED'
  | 'REMOVAL_REQUESTED'
  | 'SUBMITTED'
  | 'UPDATED';

/** 变化类别：法律 / 法规 / 规章 / 政策 */
export type ChangeKind =
  | 'LAW'
  | 'POLICY'
  | 'REGULATION'
  | 'RULE';

/** 共享渠道：本平台 / 部门自建系统 / 书面函件 / 联席会议 */
export type Channel =
  | 'JOINT_MEETING'
  | 'LETTER'
  | 'ONLINE'
  | 'OWN_SYSTEM';

/** 线下渠道推送的手工认领：记录认领人、时间与方式 */
export type ClaimPushInput = {
  method: Channel;
  note?: Scalars['String']['input'];
  pushId: Scalars['ID']['input'];
};

/** 告知承诺：承诺内容与签署的承诺书（PDF/PNG/JPEG，≤10 MB，Base64） */
export type CommitmentInput = {
  contentBase64: Scalars['String']['input'];
  fileName: Scalars['String']['input'];
  text: Scalars['String']['input'];
};

/** 办结办件（准予或不予），附法律文书 */
export type CompleteApplicationInput = {
  applicationId: Scalars['ID']['input'];
  documents: Array<LegalDocumentInput>;
  outcome: Outcome;
  refusalReason?: Scalars['String']['input'];
};

/** 密级：公开 / 内部 / 受限 */
export type Confidentiality =
  | 'INTERNAL'
  | 'PUBLIC'
  | 'RESTRICTED';

/** 召集联席会议（召集部门为当前部门） */
export type ConveneMeetingInput = {
  agenda?: Array<AgendaItemInput>;
  location?: Scalars['String']['input'];
  participants?: Array<ParticipantInput>;
  scheduledAt: Scalars['DateTime']['input'];
  title: Scalars['String']['input'];
};

/** 新建账号（人员账号须在首次登录时修改初始密码） */
export type CreateAccountInput = {
  displayName: Scalars['String']['input'];
  initialPassword: Scalars['String']['input'];
  serviceAccount?: Scalars['Boolean']['input'];
  username: Scalars['String']['input'];
};

/** 新建部门 */
export type CreateDepartmentInput = {
  creditCode?: InputMaybe<Scalars['String']['input']>;
  level?: DepartmentLevel;
  name: Scalars['String']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
  shortName: Scalars['String']['input'];
};

/** 新建事项 */
export type CreateMatterInput = {
  approvalCategory?: InputMaybe<ApprovalCategory>;
  code: Scalars['String']['input'];
  departmentId: Scalars['ID']['input'];
  kind: MatterKind;
  legalBasis?: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

/** 新建人员 */
export type CreatePersonInput = {
  mobile?: Scalars['String']['input'];
  name: Scalars['String']['input'];
  officePhone?: Scalars['String']['input'];
  role?: Scalars['String']['input'];
  sectionId: Scalars['ID']['input'];
};

/** 新建科（股）室 */
export type CreateSectionInput = {
  departmentId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

/** 信用等级：守信 / 一般 / 失信 */
export type CreditLevel =
  | 'DISHONEST'
  | 'NORMAL'
  | 'TRUSTWORTHY';

/** 信用措施：绿色通道 / 容缺受理 / 告知承诺 / 从严审查 */
export type CreditMeasure =
  | 'GREEN_CHANNEL'
  | 'MISSING_DOCUMENTS'
  | 'NOTIFY_AND_COMMIT'
  | 'STRICTER_REVIEW';

/** 认定规则 */
export type CreditRuleInput = {
  category?: InputMaybe<RecordCategory>;
  code: Scalars['String']['input'];
  condition: RuleCondition;
  forcesLevel?: InputMaybe<CreditLevel>;
  minCount?: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  scoreDelta: Scalars['Int']['input'];
  withinDays?: InputMaybe<Scalars['Int']['input']>;
};

/** 议定事项状态：落实中 / 已落实 / 不再落实 */
export type DecisionStatus =
  | 'DONE'
  | 'DROPPED'
  | 'OPEN';

/** 部门层级：市 / 县区 / 乡镇 */
export type DepartmentLevel =
  | 'CITY'
  | 'COUNTY'
  | 'TOWNSHIP';

/** 法律文书类型：许可证 / 批准文书 / 不予许可决定书 / 其他 */
export type DocumentKind =
  | 'APPROVAL_DOCUMENT'
  | 'LICENCE'
  | 'OTHER'
  | 'REFUSAL_DECISION';

/** 提请类别：联动事项责任争议 / 重大审批事项 / 政策冲突 / 其他 */
export type EscalationKind =
  | 'MAJOR_APPROVAL'
  | 'OTHER'
  | 'POLICY_CONFLICT'
  | 'RESPONSIBILITY_DISPUTE';

/** 提请事项状态：已提请 / 已交办 / 已列入会议研究 / 已决定 */
export type EscalationStatus =
  | 'ASSIGNED'
  | 'DECIDED'
  | 'IN_DISCUSSION'
  | 'SUBMITTED';

/** 反馈状态：无需反馈 / 待反馈 / 无异常办结 / 已反馈异常 */
export type FeedbackState =
  | 'ABNORMAL_REPORTED'
  | 'NOT_REQUIRED'
  | 'NO_ABNORMALITY'
  | 'OPEN';

/** 监管结果类别：监督检查 / 抽查 / 行政措施 / 执法查处结果 / 异常信用信息 */
export type FindingKind =
  | 'ADMINISTRATIVE_MEASURE'
  | 'CREDIT_ABNORMALITY'
  | 'ENFORCEMENT_RESULT'
  | 'INSPECTION'
  | 'SPOT_CHECK';

/** 办理方式：一般程序 / 绿色通道 / 容缺受理 / 告知承诺 */
export type HandlingMode =
  | 'GREEN_CHANNEL'
  | 'MISSING_DOCUMENTS'
  | 'NORMAL'
  | 'NOTIFY_AND_COMMIT';

/** 考核指标权重（未列出的指标权重为0） */
export type IndicatorWeightInput = {
  indicator: Scalars['String']['input'];
  weight: Scalars['Float']['input'];
};

/** 容缺材料状态：待补正 / 已补正 / 免于补正 */
export type ItemState =
  | 'OUTSTANDING'
  | 'SUPPLIED'
  | 'WAIVED';

/** 法律文书 */
export type LegalDocumentInput = {
  fileName?: Scalars['String']['input'];
  fileUrl?: Scalars['String']['input'];
  kind: DocumentKind;
  number: Scalars['String']['input'];
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** 联络员：推送 / 接收 */
export type LiaisonKind =
  | 'PUSH'
  | 'RECEIVE';

/** 联动事项（新建或修改）及其共享规则 */
export type LinkageInput = {
  approvalMatterId: Scalars['ID']['input'];
  approvingDepartmentId: Scalars['ID']['input'];
  approvingPersonId: Scalars['ID']['input'];
  approvingSectionId: Scalars['ID']['input'];
  basisDocumentId?: InputMaybe<Scalars['ID']['input']>;
  channel?: SharingChannel;
  claimDays?: Scalars['Int']['input'];
  confidentiality?: Confidentiality;
  dataScope?: Scalars['String']['input'];
  feedbackDays?: Scalars['Int']['input'];
  frequency?: Scalars['String']['input'];
  principle: Principle;
  procedure?: Scalars['String']['input'];
  supervisingDepartmentId: Scalars['ID']['input'];
  supervisingPersonId: Scalars['ID']['input'];
  supervisingSectionId: Scalars['ID']['input'];
  supervisionMatterId: Scalars['ID']['input'];
};

/** 联动事项状态：草稿 / 待监管部门确认 / 双方已确认 */
export type LinkageStatus =
  | 'AWAITING_SUPERVISION'
  | 'CONFIRMED'
  | 'DRAFT';

/** 查询方式：信用查询 / 受理核查 / 导出 / 浏览 / 办件跟踪 */
export type LookupChannel =
  | 'BROWSE'
  | 'CHECK'
  | 'EXPORT'
  | 'QUERY'
  | 'TRACKING';

/** 事项类别：审批事项 / 监管事项 */
export type MatterKind =
  | 'APPROVAL'
  | 'SUPERVISION';

/** 事项状态：有效 / 已废止 */
export type MatterStatus =
  | 'IN_FORCE'
  | 'REPEALED';

/** 适用情况：已适用 / 未适用 */
export type MeasureDecision =
  | 'APPLIED'
  | 'SKIPPED';

/** 措施类别：守信激励 / 失信惩戒 */
export type MeasureKind =
  | 'INCENTIVE'
  | 'RESTRICTION';

/** 会议状态：已召集 / 已召开 / 已办结 */
export type MeetingStatus =
  | 'CLOSED'
  | 'HELD'
  | 'PLANNED';

/** 容缺受理所缺的一项材料 */
export type MissingItemInput = {
  /** 补正期限（工作日）；缺省按系统设置（SHENGUAN_MISSING_ITEM_DAYS） */
  days?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
};

/** 办结结果：准予 / 不予 */
export type Outcome =
  | 'APPROVED'
  | 'REFUSED';

/** 参会部门（及人员，可空） */
export type ParticipantInput = {
  departmentId: Scalars['ID']['input'];
  personName?: Scalars['String']['input'];
};

/** 权限规则：角色在部门（* 为所有部门）对对象的操作 */
export type PermissionInput = {
  action: Scalars['String']['input'];
  departmentId: Scalars['String']['input'];
  object: Scalars['String']['input'];
  role: Scalars['String']['input'];
};

/** 谁审批谁负责 / 谁主管谁监管 */
export type Principle =
  | 'WHO_APPROVES'
  | 'WHO_GOVERNS';

/** 发布新版本的认定规则集 */
export type PublishCreditRulesInput = {
  baseScore: Scalars['Int']['input'];
  dishonestBelowScore: Scalars['Int']['input'];
  note?: Scalars['String']['input'];
  rules: Array<CreditRuleInput>;
  trustworthyMinScore: Scalars['Int']['input'];
};

/** 推送环节：受理 / 办结 */
export type PushStage =
  | 'ACCEPTED'
  | 'COMPLETED';

/** 认领状态：待认领 / 已认领 */
export type PushState =
  | 'AWAITING_CLAIM'
  | 'CLAIMED';

/** 提请市协调小组研究 */
export type RaiseEscalationInput = {
  attachments?: Array<AttachmentInput>;
  kind: EscalationKind;
  partyDepartmentIds?: Array<Scalars['ID']['input']>;
  refId?: InputMaybe<Scalars['ID']['input']>;
  refKind?: InputMaybe<AgendaKind>;
  statement: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

/** 信用记录类别：行政许可 / 行政处罚 / 表彰奖励 / 信用承诺失信 / 其他 */
export type RecordCategory =
  | 'COMMENDATION'
  | 'COMMITMENT_BREACH'
  | 'LICENSING'
  | 'OTHER'
  | 'PENALTY';

/** 登记监管结果（针对已推送的办件，或针对行政相对人） */
export type RecordFindingInput = {
  abnormal?: Scalars['Boolean']['input'];
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  foundOn: Scalars['Date']['input'];
  kind: FindingKind;
  measures?: Scalars['String']['input'];
  resultType?: ResultType;
  /** 统一社会信用代码或身份证号码（不针对办件时必填） */
  subjectCode?: Scalars['String']['input'];
  summary: Scalars['String']['input'];
};

/** 记录来源：手工录入 / 审批办结 / 执法查处结果 / 表格导入 */
export type RecordOrigin =
  | 'APPROVAL'
  | 'ENFORCEMENT'
  | 'IMPORT'
  | 'MANUAL';

/** 记录状态：有效 / 已撤销 */
export type RecordStatus =
  | 'ACTIVE'
  | 'WITHDRAWN';

/** 登记告知承诺核查结果（属实 / 不实，附核查情况与证据） */
export type RecordVerificationInput = {
  /** 证据文件（可选，Base64） */
  contentBase64?: Scalars['String']['input'];
  /** 核查意见书（文书）编号；不实时必填 */
  documentNumber?: Scalars['String']['input'];
  evidence: Scalars['String']['input'];
  fileName?: Scalars['String']['input'];
  result: VerificationResult;
  taskId: Scalars['ID']['input'];
};

/** 登记信用主体：法人填统一社会信用代码，自然人填身份证号码 */
export type RegisterSubjectInput = {
  /** 统一社会信用代码（18位，含校验位） */
  creditCode?: InputMaybe<Scalars['String']['input']>;
  /** 自然人身份证号码（18位，含校验位；加密保存，仅脱敏显示） */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  kind?: SubjectKind;
  name: Scalars['String']['input'];
};

/** 修复信用记录：只填要更正的字段 */
export type RepairCreditRecordInput = {
  category?: InputMaybe<RecordCategory>;
  clearValidUntil?: Scalars['Boolean']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** 对接审批系统上报受理（幂等键相同只受理一次） */
export type ReportAcceptanceInput = {
  /** 对接系统受理的时间（RFC 3339；不带时区偏移按北京时间 Asia/Shanghai 理解；不得晚于当前时间 5 分钟以上，不得早于申报时间）；缺省为平台收到的时间。推送的认领、反馈期限自此起算 */
  acceptedAt?: InputMaybe<Scalars['String']['input']>;
  applicantAddress?: Scalars['String']['input'];
  applicantCode: Scalars['String']['input'];
  applicantContact?: Scalars['String']['input'];
  applicantKind?: ApplicantKind;
  applicantName: Scalars['String']['input'];
  externalId: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
  matterId: Scalars['ID']['input'];
  /** 申请人申报的时间（RFC 3339，规则同 acceptedAt）；缺省为受理时间 */
  submittedAt?: InputMaybe<Scalars['String']['input']>;
};

/** 对接审批系统上报办结（幂等键相同只办结一次） */
export type ReportCompletionInput = {
  /** 对接系统办结的时间（RFC 3339；不带时区偏移按北京时间理解；不得晚于当前时间 5 分钟以上，不得早于申报、受理时间）；缺省为平台收到的时间。反馈期限自此起算 */
  completedAt?: InputMaybe<Scalars['String']['input']>;
  documents: Array<LegalDocumentInput>;
  externalId: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
  outcome: Outcome;
  refusalReason?: Scalars['String']['input'];
};

/** 处理结果：未发现问题 / 责令整改 / 行政处罚 / 撤销吊销许可 / 立案查处 / 其他 */
export type ResultType =
  | 'CASE_FILED'
  | 'FALSE_COMMITMENT'
  | 'LICENCE_REVOKED'
  | 'NO_ABNORMALITY'
  | 'OTHER'
  | 'PENALIZED'
  | 'RECTIFICATION_ORDERED';

/** 修订动作：修复 / 撤销 */
export type RevisionAction =
  | 'REPAIRED'
  | 'WITHDRAWN';

/** 角色分配 */
export type RoleAssignmentInput = {
  departmentId: Scalars['String']['input'];
  role: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

/** 认定规则条件：有效记录数达到阈值 / 期间内无该类记录 / 在联合惩戒名单中 */
export type RuleCondition =
  | 'JOINT_PUNISHMENT'
  | 'NO_RECORDS'
  | 'RECORD_COUNT';

/** 设置节假日或调休上班日；kind 为空表示恢复为普通日 */
export type SetCalendarDayInput = {
  day: Scalars['Date']['input'];
  kind?: InputMaybe<Scalars['String']['input']>;
  name?: Scalars['String']['input'];
};

/** 指定（变更）联络员 */
export type SetLiaisonInput = {
  departmentId: Scalars['ID']['input'];
  kind: LiaisonKind;
  personId: Scalars['ID']['input'];
  since: Scalars['Date']['input'];
};

/** 共享方式：线上推送 / 部门自有系统 / 书面函件 / 联席会议 */
export type SharingChannel =
  | 'JOINT_MEETING'
  | 'LETTER'
  | 'ONLINE'
  | 'OWN_SYSTEM';

/** 未适用理由：申请人不愿适用 / 材料齐全 / 事项不适用 / 存在风险 / 信用已修复 / 其他 */
export type SkipReason =
  | 'APPLICANT_DECLINED'
  | 'CREDIT_REPAIRED'
  | 'DOCUMENTS_COMPLETE'
  | 'NOT_APPLICABLE_TO_MATTER'
  | 'OTHER'
  | 'RISK_CONCERN';

/** 短信用途：推送提醒 / 超期提醒 / 黄牌红牌预警 */
export type SmsPurpose =
  | 'ESCALATION'
  | 'OVERDUE'
  | 'PUSH';

/** 短信状态：已发送（服务商已受理） */
export type SmsStatus =
  | 'SENT';

/** 修改短信模板 */
export type SmsTemplateInput = {
  providerCode: Scalars['String']['input'];
  purpose: SmsPurpose;
  text: Scalars['String']['input'];
};

/** 可查看明细的统计数字（定义见 docs/statistics.md） */
export type StatisticsFigure =
  | 'ABNORMAL_RESULTS'
  | 'ACCEPTANCES'
  | 'ACCEPTANCES_WITH_CREDIT_CHECK'
  | 'CLAIMED_LATE'
  | 'CLAIMED_ON_TIME'
  | 'CLAIMS_DUE'
  | 'CLOSED_LATE'
  | 'FACILITATION_APPLIED'
  | 'FACILITATION_SKIPPED'
  | 'FEEDBACK_DUE'
  | 'FEEDBACK_LIMITED'
  | 'FEEDBACK_ON_TIME'
  | 'OPEN_OVERDUE'
  | 'OVERDUE'
  | 'PUSHES_CLAIMED'
  | 'PUSHES_RECEIVED'
  | 'RECEIVED_AT_ACCEPTANCE'
  | 'RECEIVED_AT_COMPLETION';

/** 统计分组：按部门 / 按月份 */
export type StatisticsGrouping =
  | 'DEPARTMENT'
  | 'MONTH';

/** 主体类别：法人及其他组织 / 自然人 */
export type SubjectKind =
  | 'LEGAL_PERSON'
  | 'NATURAL_PERSON';

/** 申报办件 */
export type SubmitApplicationInput = {
  applicantAddress?: Scalars['String']['input'];
  /** 统一社会信用代码（法人）或居民身份证号码（自然人） */
  applicantCode: Scalars['String']['input'];
  applicantContact?: Scalars['String']['input'];
  applicantKind?: ApplicantKind;
  applicantName: Scalars['String']['input'];
  matterId: Scalars['ID']['input'];
};

/** 登记容缺材料已补正 */
export type SupplyMissingItemInput = {
  itemId: Scalars['ID']['input'];
  note?: Scalars['String']['input'];
};

/** 修改事项（只填要改的字段；废止即 status: REPEALED） */
export type UpdateMatterInput = {
  approvalCategory?: InputMaybe<ApprovalCategory>;
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** 废止日期（状态为已废止时；默认当天） */
  repealedOn?: InputMaybe<Scalars['Date']['input']>;
  status?: InputMaybe<MatterStatus>;
};

/** 上传依据文件：文件内容以 base64 字符串传入（可经联邦网关原样转发），PDF 或图片 */
export type UploadBasisDocumentInput = {
  contentBase64: Scalars['String']['input'];
  fileName: Scalars['String']['input'];
  kind: BasisKind;
  number: Scalars['String']['input'];
  parties: Scalars['String']['input'];
  signedOn: Scalars['Date']['input'];
};

/** 告知承诺核查结果：属实 / 不实 */
export type VerificationResult =
  | 'TRUTHFUL'
  | 'UNTRUTHFUL';

/** 登记容缺材料免于补正（须说明理由） */
export type WaiveMissingItemInput = {
  itemId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me?: { __typename: 'Me', username: string, displayName: string, departmentId: string, departmentIds: Array<string>, roles: Array<string> } | null };

export type DepartmentNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type DepartmentNamesQuery = { __typename: 'Query', departments: Array<{ __typename: 'Department', id: string, name: string, shortName: string }> };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { __typename: 'Mutation', signOut: { __typename: 'Done', ok: boolean } };

export type SwitchDepartmentMutationVariables = Exact<{
  departmentId: Scalars['ID']['input'];
}>;


export type SwitchDepartmentMutation = { __typename: 'Mutation', switchDepartment:
    | { __typename: 'SignInPayload', departmentId: string, mustChangePassword: boolean }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type InboxCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxCountsQuery = { __typename: 'Query', awaiting: { __typename: 'PushConnection', totalCount: number }, overdue: { __typename: 'PushConnection', totalCount: number } };

export type MatterOptionsQueryVariables = Exact<{
  kind?: InputMaybe<MatterKind>;
  keyword?: InputMaybe<Scalars['String']['input']>;
}>;


export type MatterOptionsQuery = { __typename: 'Query', matters: Array<{ __typename: 'Matter', id: string, code: string, name: string, department?: { __typename: 'Department', id: string } | null }> };

export type CreditAssessmentFieldsFragment = { __typename: 'CreditAssessment', level: CreditLevel, levelLabel: string, score: number, jointPunished: boolean, ruleVersion: number, determinedOn: string, summary: string, causes: Array<{ __typename: 'CreditCause', ruleCode: string, ruleName: string, scoreDelta: number, forcesLevel?: CreditLevel | null }>, jointPunishments: Array<{ __typename: 'JointPunishment', id: string, sourceDocument: string, measures: string, startsOn: string, endsOn?: string | null, active: boolean }> };

export type SessionProbeQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionProbeQuery = { __typename: 'Query', me?: { __typename: 'Me', username: string, mustChangePassword: boolean } | null };

export type InboxUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type InboxUpdatesSubscription = { __typename?: 'Subscription', inboxUpdates: { __typename: 'InboxEvent', kind: string, id: string } };

export type PolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyQuery = { __typename: 'Query', permissions: Array<{ __typename: 'Permission', role: string, departmentId: string, object: string, action: string }>, roleAssignments: Array<{ __typename: 'RoleAssignment', username: string, role: string, departmentId: string }> };

export type PolicyVersionsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type PolicyVersionsQuery = { __typename: 'Query', policyVersions: Array<{ __typename: 'PolicyVersion', id: string, createdAt: string, actor: string, summary: string, ruleCount: number }> };

export type CheckPermissionQueryVariables = Exact<{
  username: Scalars['String']['input'];
  departmentId: Scalars['String']['input'];
  object: Scalars['String']['input'];
  action: Scalars['String']['input'];
}>;


export type CheckPermissionQuery = { __typename: 'Query', checkPermission: { __typename: 'PermissionCheck', allowed: boolean, decidingRule: Array<string>, roles: Array<string> } };

export type PermissionAddMutationVariables = Exact<{
  input: PermissionInput;
}>;


export type PermissionAddMutation = { __typename: 'Mutation', addPermission:
    | { __typename: 'PolicyVersion', id: string, summary: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type PermissionRemoveMutationVariables = Exact<{
  input: PermissionInput;
}>;


export type PermissionRemoveMutation = { __typename: 'Mutation', removePermission:
    | { __typename: 'PolicyVersion', id: string, summary: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type RoleAssignMutationVariables = Exact<{
  input: RoleAssignmentInput;
}>;


export type RoleAssignMutation = { __typename: 'Mutation', assignRole:
    | { __typename: 'PolicyVersion', id: string, summary: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type RoleRevokeMutationVariables = Exact<{
  input: RoleAssignmentInput;
}>;


export type RoleRevokeMutation = { __typename: 'Mutation', revokeRole:
    | { __typename: 'PolicyVersion', id: string, summary: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type PolicyRollbackMutationVariables = Exact<{
  versionId: Scalars['ID']['input'];
}>;


export type PolicyRollbackMutation = { __typename: 'Mutation', rollbackPolicy:
    | { __typename: 'PolicyVersion', id: string, summary: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type AuditEntriesQueryVariables = Exact<{
  filter?: InputMaybe<AuditFilterInput>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditEntriesQuery = { __typename: 'Query', auditEntries: { __typename: 'AuditConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'AuditEdge', cursor: string, node: { __typename: 'AuditEntry', id: string, at: string, actor?: string | null, departmentId?: string | null, action: AuditAction, target: string, outcome: AuditOutcome, clientAddress?: string | null } }> } };

export type DeadLettersQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DeadLettersQuery = { __typename: 'Query', deadLetters: { __typename: 'DeadLetterConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'DeadLetterEdge', cursor: string, node: { __typename: 'DeadLetter', id: string, topic: string, key: string, attempts: number, lastError?: string | null, createdAt: string } }> } };

export type DeadLetterRetryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeadLetterRetryMutation = { __typename: 'Mutation', retryDeadLetter:
    | { __typename: 'DeadLetter', id: string, attempts: number }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type CalendarDaysQueryVariables = Exact<{
  year: Scalars['Int']['input'];
}>;


export type CalendarDaysQuery = { __typename: 'Query', calendarDays: Array<{ __typename: 'CalendarDay', day: string, kind: string, name: string }> };

export type CalendarSetMutationVariables = Exact<{
  input: SetCalendarDayInput;
}>;


export type CalendarSetMutation = { __typename: 'Mutation', setCalendarDay:
    | { __typename: 'CalendarDay', day: string, kind: string, name: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type AccountsQueryVariables = Exact<{
  keyword?: InputMaybe<Scalars['String']['input']>;
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AccountsQuery = { __typename: 'Query', accounts: { __typename: 'AccountConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'AccountEdge', node: { __typename: 'Account', id: string, username: string, displayName: string, serviceAccount: boolean, mustChangePassword: boolean, active: boolean, lockedUntil?: string | null, lastSignInAt?: string | null, roleAssignments: Array<{ __typename: 'RoleAssignment', username: string, role: string, departmentId: string }>, apiKeys: Array<{ __typename: 'ApiKey', id: string, name: string, prefix: string, departmentId: string, createdAt: string, revokedAt?: string | null }> } }> } };

export type AdminDepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminDepartmentsQuery = { __typename: 'Query', departments: Array<{ __typename: 'Department', id: string, name: string }> };

export type CreateAccountMutationVariables = Exact<{
  input: CreateAccountInput;
}>;


export type CreateAccountMutation = { __typename: 'Mutation', createAccount:
    | { __typename: 'Account', id: string, username: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type IssueApiKeyMutationVariables = Exact<{
  username: Scalars['String']['input'];
  departmentId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
}>;


export type IssueApiKeyMutation = { __typename: 'Mutation', issueApiKey:
    | { __typename: 'IssuedApiKey', key: string, apiKey: { __typename: 'ApiKey', id: string, prefix: string } }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type RevokeApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeApiKeyMutation = { __typename: 'Mutation', revokeApiKey:
    | { __typename: 'ApiKey', id: string, revokedAt?: string | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type SmsTemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type SmsTemplatesQuery = { __typename: 'Query', smsTemplates: Array<{ __typename: 'SmsTemplate', purpose: SmsPurpose, title: string, providerCode: string, text: string, defaultText: string, preview: string, isDefault: boolean, updatedAt?: string | null, updatedBy: string, placeholders: Array<{ __typename: 'SmsPlaceholder', name: string, description: string, sample: string }> }> };

export type UpdateSmsTemplateMutationVariables = Exact<{
  input: SmsTemplateInput;
}>;


export type UpdateSmsTemplateMutation = { __typename: 'Mutation', updateSmsTemplate:
    | { __typename: 'SmsTemplate', purpose: SmsPurpose, text: string, providerCode: string, preview: string, isDefault: boolean, updatedAt?: string | null, updatedBy: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type ApplicationSubmitMutationVariables = Exact<{
  input: SubmitApplicationInput;
}>;


export type ApplicationSubmitMutation = { __typename: 'Mutation', submitApplication:
    | { __typename: 'Application', id: string, status: ApplicationStatus, applicantName: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type ApplicationsListQueryVariables = Exact<{
  matterId?: InputMaybe<Scalars['ID']['input']>;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;


export type ApplicationsListQuery = { __typename: 'Query', applications: Array<{ __typename: 'Application', id: string, status: ApplicationStatus, applicantName: string, submittedAt: string, applicantIdentifier: string, matter: { __typename: 'Matter', id: string, name: string } }> };

export type ApplicationShowQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApplicationShowQuery = { __typename: 'Query', application?: { __typename: 'Application', id: string, status: ApplicationStatus, applicantKind: ApplicantKind, applicantName: string, applicantIdentifier: string, applicantContact: string, applicantAddress: string, handlingMode: HandlingMode, submittedAt: string, submittedBy: string, acceptedAt?: string | null, acceptedBy?: string | null, completedAt?: string | null, completedBy?: string | null, refusalReason?: string | null, listVersion?: number | null, creditAtAcceptance?: { __typename: 'CreditAtAcceptance', level: string, levelLabel: string, jointPunished: boolean, lookupId: string } | null, applicantCredit?: { __typename: 'CreditAssessment', level: CreditLevel, levelLabel: string, jointPunished: boolean, summary: string } | null, matter: { __typename: 'Matter', id: string, code: string, name: string, department?: { __typename: 'Department', id: string, name: string } | null }, legalDocuments: Array<{ __typename: 'LegalDocument', kind: DocumentKind, number: string, validFrom?: string | null, validUntil?: string | null, fileName: string }>, pushes: Array<{ __typename: 'Push', id: string, stage: PushStage, channel: Channel, state: PushState, pushedAt: string, claimDue: string, claimedAt?: string | null, claimedBy?: string | null, claimMethod?: Channel | null, claimMeetingId?: string | null, receiveLiaisonName: string, receiveLiaisonMobile: string, feedbackState: FeedbackState, feedbackDue?: string | null, overdue: boolean, responsibilities: Array<{ __typename: 'Responsibility', linkageId: string, approvingSectionName: string, approvingPersonName: string, supervisingSectionName: string, supervisingPersonName: string, supervisingDepartment: { __typename: 'Department', id: string } }>, department: { __typename: 'Department', id: string, name: string } }>, findings: Array<{ __typename: 'Finding', id: string, kind: FindingKind, abnormal: boolean, summary: string, foundOn: string, createdAt: string, department: { __typename: 'Department', id: string, name: string } }> } | null };

export type CreditCheckQueryVariables = Exact<{
  subjectCode: Scalars['String']['input'];
  applicationId: Scalars['ID']['input'];
  purpose: Scalars['String']['input'];
}>;


export type CreditCheckQuery = { __typename: 'Query', creditCheck:
    | { __typename: 'CreditCheck', lookupId: string, subjectCode: string, level: CreditLevel, jointPunished: boolean, allowedModes: Array<HandlingMode>, ticket: string, checkedAt: string, explanation: { __typename: 'CreditAssessment', level: CreditLevel, levelLabel: string, score: number, jointPunished: boolean, ruleVersion: number, determinedOn: string, summary: string, causes: Array<{ __typename: 'CreditCause', ruleCode: string, ruleName: string, scoreDelta: number, forcesLevel?: CreditLevel | null }>, jointPunishments: Array<{ __typename: 'JointPunishment', id: string, sourceDocument: string, measures: string, startsOn: string, endsOn?: string | null, active: boolean }> }, modes: Array<{ __typename: 'HandlingModeDecision', mode: HandlingMode, label: string, allowed: boolean, reason?: string | null }> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type ApplicationAcceptMutationVariables = Exact<{
  input: AcceptApplicationInput;
}>;


export type ApplicationAcceptMutation = { __typename: 'Mutation', acceptApplication:
    | { __typename: 'Application', id: string, status: ApplicationStatus, handlingMode: HandlingMode, acceptedAt?: string | null, acceptedBy?: string | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type ApplicationCompleteMutationVariables = Exact<{
  input: CompleteApplicationInput;
}>;


export type ApplicationCompleteMutation = { __typename: 'Mutation', completeApplication:
    | { __typename: 'Application', id: string, status: ApplicationStatus, completedAt?: string | null, completedBy?: string | null, refusalReason?: string | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type FindingRecordMutationVariables = Exact<{
  input: RecordFindingInput;
}>;


export type FindingRecordMutation = { __typename: 'Mutation', recordFinding:
    | { __typename: 'Finding', id: string, kind: FindingKind, abnormal: boolean, summary: string, foundOn: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type CardRowFragment = { __typename: 'EscalationCard', id: string, stage: CardStage, color: CardColor, liaisonName: string, listVersion: number, limitHours: number, elapsedHours: number, dueOn: string, raisedAt: string, department: { __typename: 'Department', id: string, name: string }, fromDepartment: { __typename: 'Department', id: string, name: string }, push?: { __typename: 'Push', id: string, supervisionCode?: string | null, matterName: string, applicantName: string, state: PushState, feedbackState: FeedbackState, application?: { __typename: 'Application', id: string } | null } | null };

export type RedCardBoardQueryVariables = Exact<{
  openOnly: Scalars['Boolean']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RedCardBoardQuery = { __typename: 'Query', redCardBoard: { __typename: 'EscalationCardConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'EscalationCardEdge', node: { __typename: 'EscalationCard', id: string, stage: CardStage, color: CardColor, liaisonName: string, listVersion: number, limitHours: number, elapsedHours: number, dueOn: string, raisedAt: string, department: { __typename: 'Department', id: string, name: string }, fromDepartment: { __typename: 'Department', id: string, name: string }, push?: { __typename: 'Push', id: string, supervisionCode?: string | null, matterName: string, applicantName: string, state: PushState, feedbackState: FeedbackState, application?: { __typename: 'Application', id: string } | null } | null } }> } };

export type EscalationCardsQueryVariables = Exact<{
  color?: InputMaybe<CardColor>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EscalationCardsQuery = { __typename: 'Query', escalationCards: { __typename: 'EscalationCardConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'EscalationCardEdge', node: { __typename: 'EscalationCard', id: string, stage: CardStage, color: CardColor, liaisonName: string, listVersion: number, limitHours: number, elapsedHours: number, dueOn: string, raisedAt: string, department: { __typename: 'Department', id: string, name: string }, fromDepartment: { __typename: 'Department', id: string, name: string }, push?: { __typename: 'Push', id: string, supervisionCode?: string | null, matterName: string, applicantName: string, state: PushState, feedbackState: FeedbackState, application?: { __typename: 'Application', id: string } | null } | null } }> } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
}>;


export type ChangePasswordMutation = { __typename: 'Mutation', changePassword:
    | { __typename: 'Done', ok: boolean }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type CreditRuleSetFieldsFragment = { __typename: 'CreditRuleSet', version: number, baseScore: number, trustworthyMinScore: number, dishonestBelowScore: number, note: string, publishedBy: string, publishedAt?: string | null, rules: Array<{ __typename: 'CreditRule', code: string, name: string, condition: RuleCondition, category?: RecordCategory | null, minCount: number, withinDays?: number | null, scoreDelta: number, forcesLevel?: CreditLevel | null }> };

export type CreditRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type CreditRulesQuery = { __typename: 'Query', creditRules?: { __typename: 'CreditRuleSet', version: number, baseScore: number, trustworthyMinScore: number, dishonestBelowScore: number, note: string, publishedBy: string, publishedAt?: string | null, rules: Array<{ __typename: 'CreditRule', code: string, name: string, condition: RuleCondition, category?: RecordCategory | null, minCount: number, withinDays?: number | null, scoreDelta: number, forcesLevel?: CreditLevel | null }> } | null, creditRuleVersions: Array<{ __typename: 'CreditRuleSet', version: number, baseScore: number, trustworthyMinScore: number, dishonestBelowScore: number, note: string, publishedBy: string, publishedAt?: string | null, rules: Array<{ __typename: 'CreditRule', code: string, name: string, condition: RuleCondition, category?: RecordCategory | null, minCount: number, withinDays?: number | null, scoreDelta: number, forcesLevel?: CreditLevel | null }> }> };

export type PublishCreditRulesMutationVariables = Exact<{
  input: PublishCreditRulesInput;
}>;


export type PublishCreditRulesMutation = { __typename: 'Mutation', publishCreditRules:
    | { __typename: 'CreditRuleSet', version: number, baseScore: number, trustworthyMinScore: number, dishonestBelowScore: number, note: string, publishedBy: string, publishedAt?: string | null, rules: Array<{ __typename: 'CreditRule', code: string, name: string, condition: RuleCondition, category?: RecordCategory | null, minCount: number, withinDays?: number | null, scoreDelta: number, forcesLevel?: CreditLevel | null }> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type AggregationRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type AggregationRulesQuery = { __typename: 'Query', aggregationRules: Array<{ __typename: 'AggregationRule', id: string, findingKind: string, resultType: string, category: RecordCategory, validityMonths?: number | null, enabled: boolean, updatedBy: string, updatedAt: string }> };

export type SaveAggregationRuleMutationVariables = Exact<{
  input: AggregationRuleInput;
}>;


export type SaveAggregationRuleMutation = { __typename: 'Mutation', saveAggregationRule:
    | { __typename: 'AggregationRule', id: string, findingKind: string, resultType: string, category: RecordCategory, validityMonths?: number | null, enabled: boolean, updatedBy: string, updatedAt: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type HandlingPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type HandlingPolicyQuery = { __typename: 'Query', handlingPolicy: Array<{ __typename: 'HandlingPolicyEntry', mode: HandlingMode, label: string, allowedLevels: Array<CreditLevel> }> };

export type SetHandlingPolicyMutationVariables = Exact<{
  mode: HandlingMode;
  allowedLevels: Array<CreditLevel> | CreditLevel;
}>;


export type SetHandlingPolicyMutation = { __typename: 'Mutation', setHandlingPolicy:
    | { __typename: 'HandlingPolicyEntry', mode: HandlingMode, label: string, allowedLevels: Array<CreditLevel> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type JointPunishmentFieldsFragment = { __typename: 'JointPunishment', id: string, subjectCode: string, sourceDocument: string, measures: string, startsOn: string, endsOn?: string | null, origin: RecordOrigin, addedBy: string, createdAt: string, revokedAt?: string | null, revokeReason?: string | null, active: boolean };

export type JointPunishmentsQueryVariables = Exact<{
  subjectCode?: InputMaybe<Scalars['String']['input']>;
  activeOn?: InputMaybe<Scalars['Date']['input']>;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;


export type JointPunishmentsQuery = { __typename: 'Query', jointPunishments: Array<{ __typename: 'JointPunishment', id: string, subjectCode: string, sourceDocument: string, measures: string, startsOn: string, endsOn?: string | null, origin: RecordOrigin, addedBy: string, createdAt: string, revokedAt?: string | null, revokeReason?: string | null, active: boolean }> };

export type AddJointPunishmentMutationVariables = Exact<{
  input: AddJointPunishmentInput;
}>;


export type AddJointPunishmentMutation = { __typename: 'Mutation', addJointPunishment:
    | { __typename: 'JointPunishment', id: string, subjectCode: string, sourceDocument: string, measures: string, startsOn: string, endsOn?: string | null, origin: RecordOrigin, addedBy: string, createdAt: string, revokedAt?: string | null, revokeReason?: string | null, active: boolean }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type ImportJointPunishmentsMutationVariables = Exact<{
  contentBase64: Scalars['String']['input'];
}>;


export type ImportJointPunishmentsMutation = { __typename: 'Mutation', importJointPunishments:
    | { __typename: 'JointPunishmentImport', imported: number }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type RevokeJointPunishmentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type RevokeJointPunishmentMutation = { __typename: 'Mutation', revokeJointPunishment:
    | { __typename: 'JointPunishment', id: string, subjectCode: string, sourceDocument: string, measures: string, startsOn: string, endsOn?: string | null, origin: RecordOrigin, addedBy: string, createdAt: string, revokedAt?: string | null, revokeReason?: string | null, active: boolean }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type CreditLookupsQueryVariables = Exact<{
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['Date']['input']>;
  until?: InputMaybe<Scalars['Date']['input']>;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;


export type CreditLookupsQuery = { __typename: 'Query', creditLookups: Array<{ __typename: 'CreditLookup', id: string, username: string, subjectCode: string, purpose: string, applicationId?: string | null, channel: LookupChannel, lookedUpAt: string, department: { __typename: 'Department', id: string, name: string } }> };

export type ExportCreditLookupsQueryVariables = Exact<{
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['Date']['input']>;
  until?: InputMaybe<Scalars['Date']['input']>;
}>;


export type ExportCreditLookupsQuery = { __typename: 'Query', exportCreditLookups: { __typename: 'Spreadsheet', filename: string, mediaType: string, contentBase64: string } };

export type DepartmentsListQueryVariables = Exact<{ [key: string]: never; }>;


export type DepartmentsListQuery = { __typename: 'Query', departments: Array<{ __typename: 'Department', id: string, name: string, shortName: string, level: DepartmentLevel, creditCode?: string | null, parentId?: string | null }> };

export type CreateDepartmentMutationVariables = Exact<{
  input: CreateDepartmentInput;
}>;


export type CreateDepartmentMutation = { __typename: 'Mutation', createDepartment:
    | { __typename: 'Department', id: string, name: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type DepartmentDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DepartmentDetailQuery = { __typename: 'Query', department?: { __typename: 'Department', id: string, name: string, shortName: string, level: DepartmentLevel, creditCode?: string | null, parentId?: string | null, sections: Array<{ __typename: 'Section', id: string, name: string, people: Array<{ __typename: 'Person', id: string, name: string, officePhone: string, mobile: string, role: string, sectionId: string }> }>, liaisons: Array<{ __typename: 'Liaison', kind: LiaisonKind, since: string, until?: string | null, current: boolean, recordedBy: string, person?: { __typename: 'Person', id: string, name: string, officePhone: string, mobile: string } | null }> } | null, departments: Array<{ __typename: 'Department', id: string, name: string }> };

export type CreateSectionMutationVariables = Exact<{
  input: CreateSectionInput;
}>;


export type CreateSectionMutation = { __typename: 'Mutation', createSection:
    | { __typename: 'Section', id: string, name: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type CreatePersonMutationVariables = Exact<{
  input: CreatePersonInput;
}>;


export type CreatePersonMutation = { __typename: 'Mutation', createPerson:
    | { __typename: 'Person', id: string, name: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type SetLiaisonMutationVariables = Exact<{
  input: SetLiaisonInput;
}>;


export type SetLiaisonMutation = { __typename: 'Mutation', setLiaison:
    | { __typename: 'Liaison', kind: LiaisonKind, since: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type RaiseEscalationMutationVariables = Exact<{
  input: RaiseEscalationInput;
}>;


export type RaiseEscalationMutation = { __typename: 'Mutation', raiseEscalation:
    | { __typename: 'Escalation', id: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type EscalationsQueryVariables = Exact<{
  status?: InputMaybe<EscalationStatus>;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;


export type EscalationsQuery = { __typename: 'Query', escalations: Array<{ __typename: 'Escalation', id: string, kind: EscalationKind, title: string, status: EscalationStatus, raisedBy: string, submittedAt: string, decidedAt?: string | null, assignee?: string | null, raisingDepartment: { __typename: 'Department', id: string, name: string }, parties: Array<{ __typename: 'Department', id: string, shortName: string }> }> };

export type EscalationDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EscalationDetailQuery = { __typename: 'Query', escalation?: { __typename: 'Escalation', id: string, kind: EscalationKind, title: string, statement: string, status: EscalationStatus, raisedBy: string, refKind?: AgendaKind | null, refId?: string | null, assignee?: string | null, meetingId?: string | null, decision?: string | null, submittedAt: string, decidedAt?: string | null, raisingDepartment: { __typename: 'Department', id: string, name: string }, parties: Array<{ __typename: 'Department', id: string, name: string }>, transitions: Array<{ __typename: 'EscalationTransition', status: EscalationStatus, at: string, actor: string, note: string, durationSeconds: number }>, attachments: Array<{ __typename: 'EscalationAttachment', id: string, filename: string, contentType: string, size: number }> } | null };

export type EscalationAttachmentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EscalationAttachmentQuery = { __typename: 'Query', escalationAttachment?: { __typename: 'CoordinationFile', filename: string, mediaType: string, contentBase64: string } | null };

export type PlannedMeetingsQueryVariables = Exact<{ [key: string]: never; }>;


export type PlannedMeetingsQuery = { __typename: 'Query', meetings: Array<{ __typename: 'Meeting', id: string, title: string, scheduledAt: string, convener: { __typename: 'Department', id: string } }> };

export type AssignEscalationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  assignee: Scalars['String']['input'];
}>;


export type AssignEscalationMutation = { __typename: 'Mutation', assignEscalation:
    | { __typename: 'Escalation', id: string, status: EscalationStatus, assignee?: string | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type ScheduleEscalationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  meetingId: Scalars['ID']['input'];
}>;


export type ScheduleEscalationMutation = { __typename: 'Mutation', scheduleEscalation:
    | { __typename: 'Escalation', id: string, status: EscalationStatus, meetingId?: string | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type DecideEscalationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  decision: Scalars['String']['input'];
}>;


export type DecideEscalationMutation = { __typename: 'Mutation', decideEscalation:
    | { __typename: 'Escalation', id: string, status: EscalationStatus, decision?: string | null, decidedAt?: string | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type PushInboxQueryVariables = Exact<{
  state?: InputMaybe<PushState>;
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PushInboxQuery = { __typename: 'Query', pushInbox: { __typename: 'PushConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'PushEdge', cursor: string, node: { __typename: 'Push', id: string, stage: PushStage, channel: Channel, state: PushState, matterName: string, applicantName: string, applicantContact: string, applicantAddress: string, pushedAt: string, claimDue: string, claimedAt?: string | null, claimedBy?: string | null, feedbackState: FeedbackState, feedbackDue?: string | null, overdue: boolean, legalDocuments: Array<{ __typename: 'PushedDocument', kind: DocumentKind, number: string }>, fromDepartment: { __typename: 'Department', id: string, name: string }, application?: { __typename: 'Application', id: string } | null } }> } };

export type FeedbackInboxQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type FeedbackInboxQuery = { __typename: 'Query', feedbackInbox: { __typename: 'FeedbackConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'FeedbackEdge', cursor: string, node: { __typename: 'Feedback', id: string, kind: string, abnormal: boolean, resultType: string, foundOn: string, summary: string, receivedAt: string, subjectCode: string, fromDepartment: { __typename: 'Department', id: string, name: string }, application?: { __typename: 'Application', id: string } | null } }> } };

export type NoticeInboxQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type NoticeInboxQuery = { __typename: 'Query', noticeInbox: { __typename: 'PolicyNoticeConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'PolicyNoticeEdge', cursor: string, node: { __typename: 'PolicyNotice', id: string, title: string, body: string, changeKind: ChangeKind, effectiveOn?: string | null, announcedAt: string, fromDepartment: { __typename: 'Department', id: string, name: string } } }> } };

export type PushClaimMutationVariables = Exact<{
  input: ClaimPushInput;
}>;


export type PushClaimMutation = { __typename: 'Mutation', claimPush:
    | { __typename: 'Push', id: string, state: PushState, claimedAt?: string | null, claimedBy?: string | null, claimMethod?: Channel | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type PushCloseMutationVariables = Exact<{
  pushId: Scalars['ID']['input'];
}>;


export type PushCloseMutation = { __typename: 'Mutation', closePushWithoutAbnormality:
    | { __typename: 'Push', id: string, feedbackState: FeedbackState }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type CreditNoticesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreditNoticesQuery = { __typename: 'Query', creditNotices: { __typename: 'CreditNoticeConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'CreditNoticeEdge', cursor: string, node: { __typename: 'CreditNotice', id: string, applicantName: string, previousLevelLabel: string, levelLabel: string, jointPunished: boolean, decidingRule: string, message: string, receivedAt: string, application?: { __typename: 'Application', id: string } | null } }> } };

export type LinkageFormDepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type LinkageFormDepartmentsQuery = { __typename: 'Query', departments: Array<{ __typename: 'Department', id: string, name: string, level: DepartmentLevel, sections: Array<{ __typename: 'Section', id: string, name: string, people: Array<{ __typename: 'Person', id: string, name: string, role: string, officePhone: string }> }> }> };

export type LinkageEditQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LinkageEditQuery = { __typename: 'Query', linkage?: { __typename: 'Linkage', id: string, principle: Principle, dataScope: string, channel: SharingChannel, procedure: string, claimDays: number, feedbackDays: number, frequency: string, confidentiality: Confidentiality, approvalMatter?: { __typename: 'Matter', id: string, code: string, name: string } | null, supervisionMatter?: { __typename: 'Matter', id: string, code: string, name: string } | null, approvingDepartment?: { __typename: 'Department', id: string } | null, approvingSection?: { __typename: 'Section', id: string } | null, approvingPerson?: { __typename: 'Person', id: string } | null, supervisingDepartment?: { __typename: 'Department', id: string } | null, supervisingSection?: { __typename: 'Section', id: string } | null, supervisingPerson?: { __typename: 'Person', id: string } | null, basisDocument?: { __typename: 'BasisDocument', id: string, kind: BasisKind, number: string, signedOn: string, parties: string, fileName: string, size: number } | null } | null };

export type LinkageCreateMutationVariables = Exact<{
  input: LinkageInput;
}>;


export type LinkageCreateMutation = { __typename: 'Mutation', createLinkage:
    | { __typename: 'Linkage', id: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type LinkageUpdateMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: LinkageInput;
}>;


export type LinkageUpdateMutation = { __typename: 'Mutation', updateLinkage:
    | { __typename: 'Linkage', id: string, confirmed: boolean, approvalConfirmedAt?: string | null, supervisionConfirmedAt?: string | null, updatedAt?: string | null, status: LinkageStatus, history: Array<{ __typename: 'Change', action: ChangeAction, actor: string, departmentId?: string | null, at: string, changes: Array<{ __typename: 'FieldChange', field: string, before?: string | null, after?: string | null }> }> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type BasisDocumentUploadMutationVariables = Exact<{
  input: UploadBasisDocumentInput;
}>;


export type BasisDocumentUploadMutation = { __typename: 'Mutation', uploadBasisDocument:
    | { __typename: 'BasisDocument', id: string, kind: BasisKind, number: string, signedOn: string, parties: string, fileName: string, size: number }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type LinkagesQueryVariables = Exact<{
  keyword?: InputMaybe<Scalars['String']['input']>;
  confirmed?: InputMaybe<Scalars['Boolean']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type LinkagesQuery = { __typename: 'Query', linkages: { __typename: 'LinkageConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'LinkageEdge', cursor: string, node: { __typename: 'Linkage', id: string, principle: Principle, claimDays: number, feedbackDays: number, confirmed: boolean, supervisionConfirmedAt?: string | null, approvalMatter?: { __typename: 'Matter', id: string, code: string, name: string } | null, supervisionMatter?: { __typename: 'Matter', id: string, code: string, name: string } | null, approvingDepartment?: { __typename: 'Department', id: string, name: string } | null, supervisingDepartment?: { __typename: 'Department', id: string, name: string } | null, supervisingPerson?: { __typename: 'Person', id: string, name: string } | null } }> } };

export type LinkageConfirmMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LinkageConfirmMutation = { __typename: 'Mutation', confirmLinkage:
    | { __typename: 'Linkage', id: string, confirmed: boolean, status: LinkageStatus, supervisionConfirmedAt?: string | null, history: Array<{ __typename: 'Change', action: ChangeAction, actor: string, departmentId?: string | null, at: string, changes: Array<{ __typename: 'FieldChange', field: string, before?: string | null, after?: string | null }> }> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type LinkageWorkbookQueryVariables = Exact<{ [key: string]: never; }>;


export type LinkageWorkbookQuery = { __typename: 'Query', linkageWorkbook: { __typename: 'FileDownload', fileName: string, contentType: string, contentBase64: string } };

export type LinkageImportMutationVariables = Exact<{
  contentBase64: Scalars['String']['input'];
}>;


export type LinkageImportMutation = { __typename: 'Mutation', importLinkages:
    | { __typename: 'LinkageImportErrors', errors: Array<{ __typename: 'ImportRowError', row: number, column: string, code: string, message: string }> }
    | { __typename: 'LinkageImportSummary', created: number, updated: number, unchanged: number, awaitingConfirmationLinkageIds: Array<string> }
   };

export type LinkagePublishMutationVariables = Exact<{
  summary: Scalars['String']['input'];
}>;


export type LinkagePublishMutation = { __typename: 'Mutation', publishLinkageList:
    | { __typename: 'LinkageListVersion', number: number, publishedAt: string, addedLinkageIds: Array<string>, changedLinkageIds: Array<string>, removedLinkageIds: Array<string> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type LinkageShowQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LinkageShowQuery = { __typename: 'Query', linkage?: { __typename: 'Linkage', id: string, principle: Principle, dataScope: string, channel: SharingChannel, procedure: string, claimDays: number, feedbackDays: number, frequency: string, confidentiality: Confidentiality, approvalConfirmedAt?: string | null, supervisionConfirmedAt?: string | null, confirmed: boolean, status: LinkageStatus, removalRequestedAt?: string | null, createdAt: string, updatedAt?: string | null, history: Array<{ __typename: 'Change', action: ChangeAction, actor: string, departmentId?: string | null, at: string, changes: Array<{ __typename: 'FieldChange', field: string, before?: string | null, after?: string | null }> }>, approvalMatter?: { __typename: 'Matter', id: string, code: string, name: string } | null, supervisionMatter?: { __typename: 'Matter', id: string, code: string, name: string } | null, approvingDepartment?: { __typename: 'Department', id: string, name: string } | null, approvingSection?: { __typename: 'Section', id: string, name: string } | null, approvingPerson?: { __typename: 'Person', id: string, name: string, role: string, officePhone: string, mobile: string } | null, supervisingDepartment?: { __typename: 'Department', id: string, name: string } | null, supervisingSection?: { __typename: 'Section', id: string, name: string } | null, supervisingPerson?: { __typename: 'Person', id: string, name: string, role: string, officePhone: string, mobile: string } | null, basisDocument?: { __typename: 'BasisDocument', id: string, kind: BasisKind, number: string, signedOn: string, parties: string, fileName: string, contentType: string, size: number } | null } | null };

export type LinkageVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type LinkageVersionsQuery = { __typename: 'Query', publishedLinkageListVersions: Array<{ __typename: 'LinkageListVersion', number: number, publishedAt: string, summary: string, publisherName: string, addedLinkageIds: Array<string>, changedLinkageIds: Array<string>, removedLinkageIds: Array<string> }> };

export type LinkagePushesQueryVariables = Exact<{
  matterId: Scalars['ID']['input'];
}>;


export type LinkagePushesQuery = { __typename: 'Query', applications: Array<{ __typename: 'Application', id: string, applicantName: string, pushes: Array<{ __typename: 'Push', id: string, stage: PushStage, state: PushState, channel: Channel, pushedAt: string, overdue: boolean, listVersion: number, feedbackState: FeedbackState, department: { __typename: 'Department', id: string, name: string }, responsibilities: Array<{ __typename: 'Responsibility', linkageId: string }> }> }> };

export type BasisDocumentFileQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BasisDocumentFileQuery = { __typename: 'Query', basisDocumentFile?: { __typename: 'FileDownload', fileName: string, contentType: string, contentBase64: string } | null };

export type LinkageRequestRemovalMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LinkageRequestRemovalMutation = { __typename: 'Mutation', requestLinkageRemoval:
    | { __typename: 'Linkage', id: string, status: LinkageStatus, removalRequestedAt?: string | null, history: Array<{ __typename: 'Change', action: ChangeAction, actor: string, departmentId?: string | null, at: string, changes: Array<{ __typename: 'FieldChange', field: string, before?: string | null, after?: string | null }> }> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type LinkageDeleteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LinkageDeleteMutation = { __typename: 'Mutation', deleteLinkage:
    | { __typename: 'DeletedLinkage', id: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type MatterCreateMutationVariables = Exact<{
  input: CreateMatterInput;
}>;


export type MatterCreateMutation = { __typename: 'Mutation', createMatter:
    | { __typename: 'Matter', id: string, code: string, name: string, kind: MatterKind, department?: { __typename: 'Department', id: string, name: string } | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type MattersListQueryVariables = Exact<{
  kind?: InputMaybe<MatterKind>;
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  keyword?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;


export type MattersListQuery = { __typename: 'Query', matters: Array<{ __typename: 'Matter', id: string, code: string, name: string, kind: MatterKind, legalBasis: string, status: MatterStatus, repealedOn?: string | null, department?: { __typename: 'Department', id: string, name: string } | null }> };

export type DepartmentOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type DepartmentOptionsQuery = { __typename: 'Query', departments: Array<{ __typename: 'Department', id: string, name: string }> };

export type MeetingsQueryVariables = Exact<{
  status?: InputMaybe<MeetingStatus>;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;


export type MeetingsQuery = { __typename: 'Query', meetings: Array<{ __typename: 'Meeting', id: string, title: string, status: MeetingStatus, scheduledAt: string, heldAt?: string | null, location: string, convener: { __typename: 'Department', id: string, name: string }, participants: Array<{ __typename: 'MeetingParticipant', department: { __typename: 'Department', id: string, shortName: string } }>, decisions: Array<{ __typename: 'MeetingDecision', id: string, status: DecisionStatus, overdue: boolean }> }> };

export type ConveneMeetingMutationVariables = Exact<{
  input: ConveneMeetingInput;
}>;


export type ConveneMeetingMutation = { __typename: 'Mutation', conveneMeeting:
    | { __typename: 'Meeting', id: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type MeetingDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MeetingDetailQuery = { __typename: 'Query', meeting?: { __typename: 'Meeting', id: string, title: string, status: MeetingStatus, scheduledAt: string, heldAt?: string | null, location: string, minutes: string, convenedBy: string, convener: { __typename: 'Department', id: string, name: string }, participants: Array<{ __typename: 'MeetingParticipant', personName: string, department: { __typename: 'Department', id: string, name: string } }>, agenda: Array<{ __typename: 'AgendaItem', id: string, position: number, title: string, kind: AgendaKind, refId?: string | null }>, decisions: Array<{ __typename: 'MeetingDecision', id: string, text: string, dueOn: string, status: DecisionStatus, followUp: string, closedAt?: string | null, agendaItemId?: string | null, overdue: boolean, owner: { __typename: 'Department', id: string, name: string } }>, exchanges: Array<{ __typename: 'MeetingExchange', pushId: string, summary: string, recordedBy: string, recordedAt: string, department: { __typename: 'Department', id: string, name: string } }> } | null };

export type RecordMeetingMinutesMutationVariables = Exact<{
  meetingId: Scalars['ID']['input'];
  minutes: Scalars['String']['input'];
  heldAt: Scalars['DateTime']['input'];
}>;


export type RecordMeetingMinutesMutation = { __typename: 'Mutation', recordMeetingMinutes:
    | { __typename: 'Meeting', id: string, status: MeetingStatus, minutes: string, heldAt?: string | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type AddMeetingDecisionMutationVariables = Exact<{
  meetingId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
  ownerDepartmentId: Scalars['ID']['input'];
  dueOn: Scalars['Date']['input'];
  agendaItemId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type AddMeetingDecisionMutation = { __typename: 'Mutation', addMeetingDecision:
    | { __typename: 'MeetingDecision', id: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type FollowUpMeetingDecisionMutationVariables = Exact<{
  decisionId: Scalars['ID']['input'];
  status: DecisionStatus;
  note: Scalars['String']['input'];
}>;


export type FollowUpMeetingDecisionMutation = { __typename: 'Mutation', followUpMeetingDecision:
    | { __typename: 'MeetingDecision', id: string, status: DecisionStatus, followUp: string, closedAt?: string | null, overdue: boolean }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type RecordMeetingExchangeMutationVariables = Exact<{
  meetingId: Scalars['ID']['input'];
  pushId: Scalars['ID']['input'];
  summary: Scalars['String']['input'];
}>;


export type RecordMeetingExchangeMutation = { __typename: 'Mutation', recordMeetingExchange:
    | { __typename: 'MeetingExchange', pushId: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type PublishedListQueryVariables = Exact<{
  version?: InputMaybe<Scalars['Int']['input']>;
}>;


export type PublishedListQuery = { __typename: 'Query', publishedLinkageList?: { __typename: 'LinkageListVersion', number: number, publishedAt: string, summary: string, publisherName: string, publishingDepartmentName: string, removedEntries: Array<{ __typename: 'PublishedLinkage', linkageId: string, approvalMatterCode: string, approvalMatterName: string, supervisionMatterCode: string, supervisionMatterName: string, supervisingDepartmentName: string }>, entries: Array<{ __typename: 'PublishedLinkage', linkageId: string, approvalMatterCode: string, approvalMatterName: string, approvingDepartmentName: string, approvingSectionName: string, approvingPersonName: string, approvingOfficePhone: string, supervisionMatterCode: string, supervisionMatterName: string, supervisingDepartmentName: string, supervisingSectionName: string, supervisingPersonName: string, supervisingOfficePhone: string, principle: Principle, claimDays: number, feedbackDays: number }> } | null, publishedLinkageListVersions: Array<{ __typename: 'LinkageListVersion', number: number, publishedAt: string }> };

export type SignInMutationVariables = Exact<{
  username: Scalars['String']['input'];
  password: Scalars['String']['input'];
  departmentId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SignInMutation = { __typename: 'Mutation', signIn:
    | { __typename: 'SignInPayload', username: string, displayName: string, departmentId: string, mustChangePassword: boolean }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type SmsMessagesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SmsMessagesQuery = { __typename: 'Query', smsMessages: { __typename: 'SmsMessageConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'SmsMessageEdge', node: { __typename: 'SmsMessage', id: string, key: string, mobile: string, recipientName: string, template: string, status: SmsStatus, pushId?: string | null, text: string, sender: string, sentAt: string } }> } };

export type StatisticsFiguresFragment = { __typename: 'LinkageStatistics', since: string, until: string, linkagesInForce: number, pushesSent: number, pushesReceived: number, receivedAtAcceptance: number, receivedAtCompletion: number, pushesClaimed: number, claimRate?: number | null, claimsDue: number, claimedOnTime: number, claimedLate: number, claimOnTimeRate?: number | null, feedbackLimited: number, feedbackDue: number, feedbackOnTime: number, onTimeFeedbackRate?: number | null, closedLate: number, overdue: number, openOverdue: number, abnormalResults: number, acceptances: number, acceptancesWithCreditCheck: number, creditCheckRate?: number | null, facilitationApplied: number, facilitationSkipped: number, abnormalFindings: number, department?: { __typename: 'Department', id: string, name: string, shortName: string } | null, claimsByMethod: Array<{ __typename: 'ClaimMethodCount', method: string, count: number }> };

export type StatisticsCasesQueryVariables = Exact<{
  figure: StatisticsFigure;
  since: Scalars['Date']['input'];
  until: Scalars['Date']['input'];
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  offset: Scalars['Int']['input'];
}>;


export type StatisticsCasesQuery = { __typename: 'Query', statisticsCases?:
    | { __typename: 'StatisticsCases', figure: StatisticsFigure, totalCount: number, asOf: string, department?: { __typename: 'Department', id: string, name: string } | null, cases: Array<{ __typename: 'StatisticsCase', applicationId?: string | null, pushId?: string | null, stage?: string | null, channel?: string | null, at?: string | null, claimDueAt?: string | null, claimedAt?: string | null, feedbackDueAt?: string | null, fedBackAt?: string | null, feedbackResult?: string | null, handlingMode?: string | null, department?: { __typename: 'Department', id: string, name: string } | null }> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   | null };

export type StatisticsQueryVariables = Exact<{
  since: Scalars['Date']['input'];
  until: Scalars['Date']['input'];
}>;


export type StatisticsQuery = { __typename: 'Query', totals?:
    | { __typename: 'LinkageStatistics', since: string, until: string, linkagesInForce: number, pushesSent: number, pushesReceived: number, receivedAtAcceptance: number, receivedAtCompletion: number, pushesClaimed: number, claimRate?: number | null, claimsDue: number, claimedOnTime: number, claimedLate: number, claimOnTimeRate?: number | null, feedbackLimited: number, feedbackDue: number, feedbackOnTime: number, onTimeFeedbackRate?: number | null, closedLate: number, overdue: number, openOverdue: number, abnormalResults: number, acceptances: number, acceptancesWithCreditCheck: number, creditCheckRate?: number | null, facilitationApplied: number, facilitationSkipped: number, abnormalFindings: number, department?: { __typename: 'Department', id: string, name: string, shortName: string } | null, claimsByMethod: Array<{ __typename: 'ClaimMethodCount', method: string, count: number }> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   | null, byDepartment?:
    | { __typename: 'LinkageStatisticsSeries', rows: Array<{ __typename: 'LinkageStatistics', since: string, until: string, linkagesInForce: number, pushesSent: number, pushesReceived: number, receivedAtAcceptance: number, receivedAtCompletion: number, pushesClaimed: number, claimRate?: number | null, claimsDue: number, claimedOnTime: number, claimedLate: number, claimOnTimeRate?: number | null, feedbackLimited: number, feedbackDue: number, feedbackOnTime: number, onTimeFeedbackRate?: number | null, closedLate: number, overdue: number, openOverdue: number, abnormalResults: number, acceptances: number, acceptancesWithCreditCheck: number, creditCheckRate?: number | null, facilitationApplied: number, facilitationSkipped: number, abnormalFindings: number, department?: { __typename: 'Department', id: string, name: string, shortName: string } | null, claimsByMethod: Array<{ __typename: 'ClaimMethodCount', method: string, count: number }> }> }
    | { __typename: 'ValidationErrors' }
   | null, byMonth?:
    | { __typename: 'LinkageStatisticsSeries', rows: Array<{ __typename: 'LinkageStatistics', since: string, until: string, linkagesInForce: number, pushesSent: number, pushesReceived: number, receivedAtAcceptance: number, receivedAtCompletion: number, pushesClaimed: number, claimRate?: number | null, claimsDue: number, claimedOnTime: number, claimedLate: number, claimOnTimeRate?: number | null, feedbackLimited: number, feedbackDue: number, feedbackOnTime: number, onTimeFeedbackRate?: number | null, closedLate: number, overdue: number, openOverdue: number, abnormalResults: number, acceptances: number, acceptancesWithCreditCheck: number, creditCheckRate?: number | null, facilitationApplied: number, facilitationSkipped: number, abnormalFindings: number, department?: { __typename: 'Department', id: string, name: string, shortName: string } | null, claimsByMethod: Array<{ __typename: 'ClaimMethodCount', method: string, count: number }> }> }
    | { __typename: 'ValidationErrors' }
   | null };

export type StatisticsWorkbookQueryVariables = Exact<{
  since: Scalars['Date']['input'];
  until: Scalars['Date']['input'];
  by: StatisticsGrouping;
}>;


export type StatisticsWorkbookQuery = { __typename: 'Query', linkageStatisticsSeriesWorkbook?:
    | { __typename: 'CoordinationFile', filename: string, mediaType: string, contentBase64: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   | null };

export type StatisticsAssessmentQueryVariables = Exact<{
  since: Scalars['Date']['input'];
  until: Scalars['Date']['input'];
}>;


export type StatisticsAssessmentQuery = { __typename: 'Query', assessment:
    | { __typename: 'Assessment', calculatedAt: string, scheme: { __typename: 'AssessmentScheme', version: number }, rows: Array<{ __typename: 'AssessmentRow', rank: number, departmentName: string, score?: number | null, department: { __typename: 'Department', id: string }, indicators: Array<{ __typename: 'IndicatorValue', indicator: string, label: string, value?: number | null, weight: number }> }> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type StatisticsAssessmentWorkbookQueryVariables = Exact<{
  since: Scalars['Date']['input'];
  until: Scalars['Date']['input'];
}>;


export type StatisticsAssessmentWorkbookQuery = { __typename: 'Query', assessmentWorkbook:
    | { __typename: 'CoordinationFile', filename: string, mediaType: string, contentBase64: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type StatisticsAssessmentReportQueryVariables = Exact<{
  since: Scalars['Date']['input'];
  until: Scalars['Date']['input'];
}>;


export type StatisticsAssessmentReportQuery = { __typename: 'Query', assessmentReport:
    | { __typename: 'CoordinationFile', filename: string, mediaType: string, contentBase64: string }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type SubjectRegisterMutationVariables = Exact<{
  input: RegisterSubjectInput;
}>;


export type SubjectRegisterMutation = { __typename: 'Mutation', registerSubject:
    | { __typename: 'Subject', creditCode: string, name?: string | null, kind?: SubjectKind | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type SubjectsListQueryVariables = Exact<{
  keyword?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;


export type SubjectsListQuery = { __typename: 'Query', subjects: Array<{ __typename: 'Subject', creditCode: string, name?: string | null, kind?: SubjectKind | null }> };

export type SubjectLookupQueryVariables = Exact<{
  creditCode: Scalars['String']['input'];
  purpose: Scalars['String']['input'];
}>;


export type SubjectLookupQuery = { __typename: 'Query', subject?:
    | { __typename: 'CreditProfile', lookupId: string, subject: { __typename: 'Subject', creditCode: string, name?: string | null, kind?: SubjectKind | null }, assessment: { __typename: 'CreditAssessment', level: CreditLevel, levelLabel: string, score: number, jointPunished: boolean, ruleVersion: number, determinedOn: string, summary: string, causes: Array<{ __typename: 'CreditCause', ruleCode: string, ruleName: string, scoreDelta: number, forcesLevel?: CreditLevel | null }>, jointPunishments: Array<{ __typename: 'JointPunishment', id: string, sourceDocument: string, measures: string, startsOn: string, endsOn?: string | null, active: boolean }> }, records: Array<{ __typename: 'CreditRecord', id: string, category: RecordCategory, title: string, source: string, decidedOn: string, validUntil?: string | null }> }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   | null };

export type CreditRecordAddMutationVariables = Exact<{
  input: AddCreditRecordInput;
}>;


export type CreditRecordAddMutation = { __typename: 'Mutation', addCreditRecord:
    | { __typename: 'CreditRecord', id: string, category: RecordCategory, title: string, source: string, decidedOn: string, validUntil?: string | null }
    | { __typename: 'ValidationErrors', errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> }
   };

export type WorkbenchMatterCountQueryVariables = Exact<{
  kind: MatterKind;
  cap: Scalars['Int']['input'];
}>;


export type WorkbenchMatterCountQuery = { __typename: 'Query', matters: Array<{ __typename: 'Matter', id: string }> };

export type WorkbenchApplicationCountQueryVariables = Exact<{
  cap: Scalars['Int']['input'];
}>;


export type WorkbenchApplicationCountQuery = { __typename: 'Query', applications: Array<{ __typename: 'Application', id: string }> };

export type WorkbenchFindingCountQueryVariables = Exact<{
  cap: Scalars['Int']['input'];
}>;


export type WorkbenchFindingCountQuery = { __typename: 'Query', findings: Array<{ __typename: 'Finding', id: string }> };

export type WorkbenchSubjectCountQueryVariables = Exact<{
  cap: Scalars['Int']['input'];
}>;


export type WorkbenchSubjectCountQuery = { __typename: 'Query', subjects: Array<{ __typename: 'Subject', creditCode: string }> };

export type WorkbenchTodoPushesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type WorkbenchTodoPushesQuery = { __typename: 'Query', awaiting: { __typename: 'PushConnection', totalCount: number, edges: Array<{ __typename: 'PushEdge', node: { __typename: 'Push', id: string, matterName: string, applicantName: string, state: PushState, claimDue: string, feedbackDue?: string | null, overdue: boolean, fromDepartment: { __typename: 'Department', id: string, name: string }, application?: { __typename: 'Application', id: string } | null } }> }, feedbackDue: { __typename: 'PushConnection', totalCount: number, edges: Array<{ __typename: 'PushEdge', node: { __typename: 'Push', id: string, matterName: string, applicantName: string, state: PushState, claimDue: string, feedbackDue?: string | null, overdue: boolean, fromDepartment: { __typename: 'Department', id: string, name: string }, application?: { __typename: 'Application', id: string } | null } }> }, overdue: { __typename: 'PushConnection', totalCount: number, edges: Array<{ __typename: 'PushEdge', node: { __typename: 'Push', id: string, matterName: string, applicantName: string, state: PushState, claimDue: string, feedbackDue?: string | null, overdue: boolean, fromDepartment: { __typename: 'Department', id: string, name: string }, application?: { __typename: 'Application', id: string } | null } }> } };

export type WorkbenchTodoPushFragment = { __typename: 'Push', id: string, matterName: string, applicantName: string, state: PushState, claimDue: string, feedbackDue?: string | null, overdue: boolean, fromDepartment: { __typename: 'Department', id: string, name: string }, application?: { __typename: 'Application', id: string } | null };

export type WorkbenchTodoFeedbackQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type WorkbenchTodoFeedbackQuery = { __typename: 'Query', feedbackInbox: { __typename: 'FeedbackConnection', totalCount: number, edges: Array<{ __typename: 'FeedbackEdge', node: { __typename: 'Feedback', id: string, summary: string, abnormal: boolean, receivedAt: string, fromDepartment: { __typename: 'Department', id: string, name: string }, application?: { __typename: 'Application', id: string } | null } }> } };

export type WorkbenchTodoNoticesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type WorkbenchTodoNoticesQuery = { __typename: 'Query', noticeInbox: { __typename: 'PolicyNoticeConnection', totalCount: number, edges: Array<{ __typename: 'PolicyNoticeEdge', node: { __typename: 'PolicyNotice', id: string, title: string, effectiveOn?: string | null, announcedAt: string, fromDepartment: { __typename: 'Department', id: string, name: string } } }> } };

export const CreditAssessmentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CreditAssessmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditAssessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"jointPunished"}},{"kind":"Field","name":{"kind":"Name","value":"ruleVersion"}},{"kind":"Field","name":{"kind":"Name","value":"determinedOn"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"causes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCode"}},{"kind":"Field","name":{"kind":"Name","value":"ruleName"}},{"kind":"Field","name":{"kind":"Name","value":"scoreDelta"}},{"kind":"Field","name":{"kind":"Name","value":"forcesLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointPunishments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDocument"}},{"kind":"Field","name":{"kind":"Name","value":"measures"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<CreditAssessmentFieldsFragment, unknown>;
export const CardRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EscalationCard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"liaisonName"}},{"kind":"Field","name":{"kind":"Name","value":"listVersion"}},{"kind":"Field","name":{"kind":"Name","value":"limitHours"}},{"kind":"Field","name":{"kind":"Name","value":"elapsedHours"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"push"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionCode"}},{"kind":"Field","name":{"kind":"Name","value":"matterName"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackState"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CardRowFragment, unknown>;
export const CreditRuleSetFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CreditRuleSetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditRuleSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"baseScore"}},{"kind":"Field","name":{"kind":"Name","value":"trustworthyMinScore"}},{"kind":"Field","name":{"kind":"Name","value":"dishonestBelowScore"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"publishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"minCount"}},{"kind":"Field","name":{"kind":"Name","value":"withinDays"}},{"kind":"Field","name":{"kind":"Name","value":"scoreDelta"}},{"kind":"Field","name":{"kind":"Name","value":"forcesLevel"}}]}}]}}]} as unknown as DocumentNode<CreditRuleSetFieldsFragment, unknown>;
export const JointPunishmentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JointPunishmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JointPunishment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDocument"}},{"kind":"Field","name":{"kind":"Name","value":"measures"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokeReason"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<JointPunishmentFieldsFragment, unknown>;
export const StatisticsFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageStatistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkagesInForce"}},{"kind":"Field","name":{"kind":"Name","value":"pushesSent"}},{"kind":"Field","name":{"kind":"Name","value":"pushesReceived"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAtAcceptance"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAtCompletion"}},{"kind":"Field","name":{"kind":"Name","value":"pushesClaimed"}},{"kind":"Field","name":{"kind":"Name","value":"claimsByMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimRate"}},{"kind":"Field","name":{"kind":"Name","value":"claimsDue"}},{"kind":"Field","name":{"kind":"Name","value":"claimedOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"claimedLate"}},{"kind":"Field","name":{"kind":"Name","value":"claimOnTimeRate"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackLimited"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDue"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeFeedbackRate"}},{"kind":"Field","name":{"kind":"Name","value":"closedLate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"openOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalResults"}},{"kind":"Field","name":{"kind":"Name","value":"acceptances"}},{"kind":"Field","name":{"kind":"Name","value":"acceptancesWithCreditCheck"}},{"kind":"Field","name":{"kind":"Name","value":"creditCheckRate"}},{"kind":"Field","name":{"kind":"Name","value":"facilitationApplied"}},{"kind":"Field","name":{"kind":"Name","value":"facilitationSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalFindings"}}]}}]} as unknown as DocumentNode<StatisticsFiguresFragment, unknown>;
export const WorkbenchTodoPushFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkbenchTodoPush"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Push"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"matterName"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"claimDue"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDue"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WorkbenchTodoPushFragment, unknown>;
export const MeDocument = {"__meta__":{"hash":"b9c873f8a07897df29e5dca623c8674d36e7d2386ad26460c9ba3390b9864151"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"departmentIds"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const DepartmentNamesDocument = {"__meta__":{"hash":"e4242a470543ae0aad4c6c671308010e14cee2a9de48f645134cc34e7e003df8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepartmentNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]} as unknown as DocumentNode<DepartmentNamesQuery, DepartmentNamesQueryVariables>;
export const SignOutDocument = {"__meta__":{"hash":"df04d6fa38566c641e985712ff4750ef1fe05b75efe42c9a141ef47474312f12"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"signOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const SwitchDepartmentDocument = {"__meta__":{"hash":"2385ed5dca235cbdfce540f92db7c433ebe20bc241c2a6d2547f57096aff8a68"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SwitchDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"switchDepartment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SignInPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SwitchDepartmentMutation, SwitchDepartmentMutationVariables>;
export const InboxCountsDocument = {"__meta__":{"hash":"39e59b4d19dae38e1aa1dd904c96bce07ec991a833e06bc7292404eb0184da7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InboxCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"awaiting"},"name":{"kind":"Name","value":"pushInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"EnumValue","value":"AWAITING_CLAIM"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"overdue"},"name":{"kind":"Name","value":"pushInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"overdue"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<InboxCountsQuery, InboxCountsQueryVariables>;
export const MatterOptionsDocument = {"__meta__":{"hash":"659b17dd18014edebad2e7c0f1fdadd7b08fcaba7c4871b5c932af55cbeefbfb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MatterOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MatterKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"keyword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<MatterOptionsQuery, MatterOptionsQueryVariables>;
export const SessionProbeDocument = {"__meta__":{"hash":"eb96421a0aaea649fd3fb03133f268d964baf41ff4f4ac3c5cefab9f09cc2bae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionProbe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]} as unknown as DocumentNode<SessionProbeQuery, SessionProbeQueryVariables>;
export const InboxUpdatesDocument = {"__meta__":{"hash":"60014f8a5d4cf5c0394b90a54f0975cfa7d84c2d3e5e781287b9f604e6e9614a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InboxUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inboxUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<InboxUpdatesSubscription, InboxUpdatesSubscriptionVariables>;
export const PolicyDocument = {"__meta__":{"hash":"505250d396f69daa36d63c916c280e5e0ae90ba9db0717f636c084fea06bd303"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleAssignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}}]}}]}}]} as unknown as DocumentNode<PolicyQuery, PolicyQueryVariables>;
export const PolicyVersionsDocument = {"__meta__":{"hash":"6b715e6156a0e22b35d821ebb728a25e2cfe0c59002ed0bd4feac94206da958f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCount"}}]}}]}}]} as unknown as DocumentNode<PolicyVersionsQuery, PolicyVersionsQueryVariables>;
export const CheckPermissionDocument = {"__meta__":{"hash":"528867262e913509516de6a4a9a919b5221284b9aa9a0cd842f327424a065386"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckPermission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"object"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"checkPermission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"object"},"value":{"kind":"Variable","name":{"kind":"Name","value":"object"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"decidingRule"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<CheckPermissionQuery, CheckPermissionQueryVariables>;
export const PermissionAddDocument = {"__meta__":{"hash":"26450484e3958c1bbfa415ec2b60b9c5e55e4aeadcdff933238b071d590f9929"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PermissionAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addPermission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PermissionAddMutation, PermissionAddMutationVariables>;
export const PermissionRemoveDocument = {"__meta__":{"hash":"cc0e333435ed09f45bbd4bf00225d5811d32c49d1acba951a8ee8742f6f25d35"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PermissionRemove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removePermission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PermissionRemoveMutation, PermissionRemoveMutationVariables>;
export const RoleAssignDocument = {"__meta__":{"hash":"7fb21013b93d095169f44f6c8ebb7ea4e9ede226ef6648842104dd96dcd749c2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RoleAssign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RoleAssignmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"assignRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoleAssignMutation, RoleAssignMutationVariables>;
export const RoleRevokeDocument = {"__meta__":{"hash":"ca3ddb0e0f8e849f7d62544652a2ad5c62d470e013905de05fb8bb93135e0678"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RoleRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RoleAssignmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoleRevokeMutation, RoleRevokeMutationVariables>;
export const PolicyRollbackDocument = {"__meta__":{"hash":"80a7a2a47688917789ac94cd502c8555f84709f03d9a5df77ce2c94757d65ca1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PolicyRollback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rollbackPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PolicyRollbackMutation, PolicyRollbackMutationVariables>;
export const AuditEntriesDocument = {"__meta__":{"hash":"d25f79a9fb3c63d1b52b845dbcaf19b9eb00d148c095c5f763396ff7fb52a39e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"auditEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"clientAddress"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditEntriesQuery, AuditEntriesQueryVariables>;
export const DeadLettersDocument = {"__meta__":{"hash":"d1f3feeec7975b42e0de6218e402c194866a366b55c70b5df8004ca245e836f8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadLetters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deadLetters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeadLettersQuery, DeadLettersQueryVariables>;
export const DeadLetterRetryDocument = {"__meta__":{"hash":"629a625a468bae9eb90531f3584b97dbbd2b9d7345b733204d7c0dbed70eddb0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeadLetterRetry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"retryDeadLetter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeadLetterRetryMutation, DeadLetterRetryMutationVariables>;
export const CalendarDaysDocument = {"__meta__":{"hash":"bacf6b1b3e75a76ec3d794fbf4eebfb817a75a78ae274ce49b56df5289e16058"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CalendarDays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"calendarDays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CalendarDaysQuery, CalendarDaysQueryVariables>;
export const CalendarSetDocument = {"__meta__":{"hash":"f3cc8fa13b7cb52d2a2c748f0376630c5fefb882cad0b1bd42e45ed7a24f005b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CalendarSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCalendarDayInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setCalendarDay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CalendarDay"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CalendarSetMutation, CalendarSetMutationVariables>;
export const AccountsDocument = {"__meta__":{"hash":"cdebc6f8c76b143a9bf80201340f64d8b83224f48adfc7ca525a86e9ebf43664"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Accounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keyword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAccount"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}},{"kind":"Field","name":{"kind":"Name","value":"roleAssignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountsQuery, AccountsQueryVariables>;
export const AdminDepartmentsDocument = {"__meta__":{"hash":"903001720faf891d91c254581ec09b7e7cdc49b05c02211e6f7ecefa70fa35b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminDepartments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AdminDepartmentsQuery, AdminDepartmentsQueryVariables>;
export const CreateAccountDocument = {"__meta__":{"hash":"977f23bcc3e1d3accaa86267bb8b36423cbb01b5ea190b7f32f2b22ef634b2cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateAccountMutation, CreateAccountMutationVariables>;
export const IssueApiKeyDocument = {"__meta__":{"hash":"0fcf0ffc8c97564413d49bcf6ad4b9158115dc39fc3c7651b020de6e88f1a5ee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"issueApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IssuedApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IssueApiKeyMutation, IssueApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"__meta__":{"hash":"57eda311fc5f321f25c72c16f149be3bd94788770d4d8e0b94dfd4225a7d0cdd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const SmsTemplatesDocument = {"__meta__":{"hash":"f0ab73a95b1e8f2bb090c0d16da59d313b5e0c3031795df0d958b42428acee59"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmsTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"smsTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"defaultText"}},{"kind":"Field","name":{"kind":"Name","value":"preview"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"placeholders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sample"}}]}}]}}]}}]} as unknown as DocumentNode<SmsTemplatesQuery, SmsTemplatesQueryVariables>;
export const UpdateSmsTemplateDocument = {"__meta__":{"hash":"7a68d3793f8d163ed92e7ff81293ab1e890268bb8e8ecb8f36eac875b8817d3e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSmsTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SmsTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateSmsTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmsTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"preview"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateSmsTemplateMutation, UpdateSmsTemplateMutationVariables>;
export const ApplicationSubmitDocument = {"__meta__":{"hash":"0ed58fb284bc4af12b152c04a602946d0c764ef70e6bcee981c5627049eb35a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplicationSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"submitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationSubmitMutation, ApplicationSubmitMutationVariables>;
export const ApplicationsListDocument = {"__meta__":{"hash":"21b2692a56baf5756287a11ab458e7e137aaa590f25697306963cd9672cf0522"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"matterId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"matterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"matterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"matter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applicantIdentifier"}}]}}]}}]} as unknown as DocumentNode<ApplicationsListQuery, ApplicationsListQueryVariables>;
export const ApplicationShowDocument = {"__meta__":{"hash":"e3c084bca94862618bd5743152932264e57976be5468b06b3f66a38bac263e1e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationShow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"applicantKind"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"applicantIdentifier"}},{"kind":"Field","name":{"kind":"Name","value":"applicantContact"}},{"kind":"Field","name":{"kind":"Name","value":"applicantAddress"}},{"kind":"Field","name":{"kind":"Name","value":"handlingMode"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedBy"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"listVersion"}},{"kind":"Field","name":{"kind":"Name","value":"creditAtAcceptance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"jointPunished"}},{"kind":"Field","name":{"kind":"Name","value":"lookupId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applicantCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"jointPunished"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"matter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pushes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"pushedAt"}},{"kind":"Field","name":{"kind":"Name","value":"claimDue"}},{"kind":"Field","name":{"kind":"Name","value":"claimedAt"}},{"kind":"Field","name":{"kind":"Name","value":"claimedBy"}},{"kind":"Field","name":{"kind":"Name","value":"claimMethod"}},{"kind":"Field","name":{"kind":"Name","value":"claimMeetingId"}},{"kind":"Field","name":{"kind":"Name","value":"receiveLiaisonName"}},{"kind":"Field","name":{"kind":"Name","value":"receiveLiaisonMobile"}},{"kind":"Field","name":{"kind":"Name","value":"responsibilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"linkageId"}},{"kind":"Field","name":{"kind":"Name","value":"supervisingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvingSectionName"}},{"kind":"Field","name":{"kind":"Name","value":"approvingPersonName"}},{"kind":"Field","name":{"kind":"Name","value":"supervisingSectionName"}},{"kind":"Field","name":{"kind":"Name","value":"supervisingPersonName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedbackState"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDue"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"abnormal"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"foundOn"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationShowQuery, ApplicationShowQueryVariables>;
export const CreditCheckDocument = {"__meta__":{"hash":"9bcb886386adb7e8dd63cad0e3f4f0f612187f9b0aa09863704940954207cae8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CreditCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"creditCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"lookupId"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"jointPunished"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CreditAssessmentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"allowedModes"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CreditAssessmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditAssessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"jointPunished"}},{"kind":"Field","name":{"kind":"Name","value":"ruleVersion"}},{"kind":"Field","name":{"kind":"Name","value":"determinedOn"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"causes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCode"}},{"kind":"Field","name":{"kind":"Name","value":"ruleName"}},{"kind":"Field","name":{"kind":"Name","value":"scoreDelta"}},{"kind":"Field","name":{"kind":"Name","value":"forcesLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointPunishments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDocument"}},{"kind":"Field","name":{"kind":"Name","value":"measures"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<CreditCheckQuery, CreditCheckQueryVariables>;
export const ApplicationAcceptDocument = {"__meta__":{"hash":"571c534db4c146ce69f70d7126625ce00c0cc94811b9c0a2ea057fd80025b1de"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplicationAccept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"acceptApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"handlingMode"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationAcceptMutation, ApplicationAcceptMutationVariables>;
export const ApplicationCompleteDocument = {"__meta__":{"hash":"fd2bbd207130aa758251272417f26be67f36f3a18ddcb75ed0b81d83c7a893b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplicationComplete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"completeApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedBy"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationCompleteMutation, ApplicationCompleteMutationVariables>;
export const FindingRecordDocument = {"__meta__":{"hash":"74584786d54a0e662662f96394d37018434c54e663fce4f06b5f61993c22a795"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FindingRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordFindingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordFinding"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Finding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"abnormal"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"foundOn"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FindingRecordMutation, FindingRecordMutationVariables>;
export const RedCardBoardDocument = {"__meta__":{"hash":"dc9841bc4b0438887b7826ea41a7072b23eee68a07a7b0bc570a978c488da7cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RedCardBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openOnly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"redCardBoard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CardRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EscalationCard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"liaisonName"}},{"kind":"Field","name":{"kind":"Name","value":"listVersion"}},{"kind":"Field","name":{"kind":"Name","value":"limitHours"}},{"kind":"Field","name":{"kind":"Name","value":"elapsedHours"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"push"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionCode"}},{"kind":"Field","name":{"kind":"Name","value":"matterName"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackState"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RedCardBoardQuery, RedCardBoardQueryVariables>;
export const EscalationCardsDocument = {"__meta__":{"hash":"0cffc2c48a1a00ad9833e06a957dbd64214f92804ba4691a97c61fb205b1ba89"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EscalationCards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"color"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CardColor"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"escalationCards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"color"},"value":{"kind":"Variable","name":{"kind":"Name","value":"color"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CardRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EscalationCard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"liaisonName"}},{"kind":"Field","name":{"kind":"Name","value":"listVersion"}},{"kind":"Field","name":{"kind":"Name","value":"limitHours"}},{"kind":"Field","name":{"kind":"Name","value":"elapsedHours"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"push"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionCode"}},{"kind":"Field","name":{"kind":"Name","value":"matterName"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackState"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<EscalationCardsQuery, EscalationCardsQueryVariables>;
export const ChangePasswordDocument = {"__meta__":{"hash":"68c6f77a4d2aaa8ff7b56f1cfae3a83583449c3970eb1f26639e9257f4ee1614"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currentPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Done"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const CreditRulesDocument = {"__meta__":{"hash":"aa231b68a87c96b10b8bec308901556da064c7f2a24cb258c4e1782ceb4ea489"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CreditRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"creditRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CreditRuleSetFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditRuleVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CreditRuleSetFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CreditRuleSetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditRuleSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"baseScore"}},{"kind":"Field","name":{"kind":"Name","value":"trustworthyMinScore"}},{"kind":"Field","name":{"kind":"Name","value":"dishonestBelowScore"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"publishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"minCount"}},{"kind":"Field","name":{"kind":"Name","value":"withinDays"}},{"kind":"Field","name":{"kind":"Name","value":"scoreDelta"}},{"kind":"Field","name":{"kind":"Name","value":"forcesLevel"}}]}}]}}]} as unknown as DocumentNode<CreditRulesQuery, CreditRulesQueryVariables>;
export const PublishCreditRulesDocument = {"__meta__":{"hash":"b1ef8cfffd906edba111d806386615be78c38005b7dbf091138af142e1a2df12"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishCreditRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishCreditRulesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"publishCreditRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditRuleSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CreditRuleSetFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CreditRuleSetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditRuleSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"baseScore"}},{"kind":"Field","name":{"kind":"Name","value":"trustworthyMinScore"}},{"kind":"Field","name":{"kind":"Name","value":"dishonestBelowScore"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"publishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"minCount"}},{"kind":"Field","name":{"kind":"Name","value":"withinDays"}},{"kind":"Field","name":{"kind":"Name","value":"scoreDelta"}},{"kind":"Field","name":{"kind":"Name","value":"forcesLevel"}}]}}]}}]} as unknown as DocumentNode<PublishCreditRulesMutation, PublishCreditRulesMutationVariables>;
export const AggregationRulesDocument = {"__meta__":{"hash":"cc57e59fe08eac9de44bf9ac4bb18d67b1472803cf71b604be534c1b19216698"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AggregationRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"findingKind"}},{"kind":"Field","name":{"kind":"Name","value":"resultType"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"validityMonths"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<AggregationRulesQuery, AggregationRulesQueryVariables>;
export const SaveAggregationRuleDocument = {"__meta__":{"hash":"fed1ba8a3419d6551b4568aaa9a804cef38207e6a23eee53cd7bf6b12e231cef"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveAggregationRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AggregationRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"saveAggregationRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AggregationRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"findingKind"}},{"kind":"Field","name":{"kind":"Name","value":"resultType"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"validityMonths"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SaveAggregationRuleMutation, SaveAggregationRuleMutationVariables>;
export const HandlingPolicyDocument = {"__meta__":{"hash":"a3cbda04770640d088fe7fb01b65ccbcd95ce4c0d9fd21be93d4b1bf982a4e9e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HandlingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"handlingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"allowedLevels"}}]}}]}}]} as unknown as DocumentNode<HandlingPolicyQuery, HandlingPolicyQueryVariables>;
export const SetHandlingPolicyDocument = {"__meta__":{"hash":"ffa4cd2eb21e5d5d45c36589ca6c5b293d1332c2575128a59605981cc3e01031"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetHandlingPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HandlingMode"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allowedLevels"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreditLevel"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setHandlingPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}},{"kind":"Argument","name":{"kind":"Name","value":"allowedLevels"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allowedLevels"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HandlingPolicyEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"allowedLevels"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetHandlingPolicyMutation, SetHandlingPolicyMutationVariables>;
export const JointPunishmentsDocument = {"__meta__":{"hash":"214c53673b5497b20bd55185fdabedb6b57e4e499043df9e5ea0f07cb4eca529"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JointPunishments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activeOn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"jointPunishments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"activeOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activeOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"JointPunishmentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JointPunishmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JointPunishment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDocument"}},{"kind":"Field","name":{"kind":"Name","value":"measures"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokeReason"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<JointPunishmentsQuery, JointPunishmentsQueryVariables>;
export const AddJointPunishmentDocument = {"__meta__":{"hash":"3fb5b10191107ebd43721c890dbda67a56a36be96b3a554b18115d00eb9f261b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddJointPunishment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddJointPunishmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addJointPunishment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JointPunishment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"JointPunishmentFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JointPunishmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JointPunishment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDocument"}},{"kind":"Field","name":{"kind":"Name","value":"measures"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokeReason"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<AddJointPunishmentMutation, AddJointPunishmentMutationVariables>;
export const ImportJointPunishmentsDocument = {"__meta__":{"hash":"afcc4b2b76a5c4d20241b46170d4c6c5ec437db71c090f7464d96936da24f1eb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportJointPunishments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contentBase64"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"importJointPunishments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contentBase64"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contentBase64"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JointPunishmentImport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImportJointPunishmentsMutation, ImportJointPunishmentsMutationVariables>;
export const RevokeJointPunishmentDocument = {"__meta__":{"hash":"632c2456f0dd3d4076c475d1f28f48aaca1151ede29588c14238573684c2af6c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeJointPunishment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeJointPunishment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JointPunishment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"JointPunishmentFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JointPunishmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JointPunishment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDocument"}},{"kind":"Field","name":{"kind":"Name","value":"measures"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokeReason"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<RevokeJointPunishmentMutation, RevokeJointPunishmentMutationVariables>;
export const CreditLookupsDocument = {"__meta__":{"hash":"351d86fed5439da9cbfe2e788cf5866dfb964e924881b2cd3fe9b4a1b7d45eb1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CreditLookups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"creditLookups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"lookedUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreditLookupsQuery, CreditLookupsQueryVariables>;
export const ExportCreditLookupsDocument = {"__meta__":{"hash":"cbcc1d670e34716273c2476fb87edaed44db87e324a565fe965d9ecffc837884"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportCreditLookups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"exportCreditLookups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]} as unknown as DocumentNode<ExportCreditLookupsQuery, ExportCreditLookupsQueryVariables>;
export const DepartmentsListDocument = {"__meta__":{"hash":"3ca7a2ab698be0442b006f4e9f9575b373e92389eb5b1b973c96ce66e77055e2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepartmentsList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}}]}}]}}]} as unknown as DocumentNode<DepartmentsListQuery, DepartmentsListQueryVariables>;
export const CreateDepartmentDocument = {"__meta__":{"hash":"33fbd47735ee9990c3346bf91d79ff8f46cedb3b0359156dfa28bd6a169f31c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDepartmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createDepartment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Department"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateDepartmentMutation, CreateDepartmentMutationVariables>;
export const DepartmentDetailDocument = {"__meta__":{"hash":"6ca8fa2e77ac18b002c1fee01151aff76cdd658abaee8cac192ccd41f3c83edd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepartmentDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officePhone"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"sectionId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"liaisons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officePhone"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DepartmentDetailQuery, DepartmentDetailQueryVariables>;
export const CreateSectionDocument = {"__meta__":{"hash":"bec640985fc4ccca1c20b35911cacb0eb18e29f37fdb583c4593d206191d6d07"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createSection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Section"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateSectionMutation, CreateSectionMutationVariables>;
export const CreatePersonDocument = {"__meta__":{"hash":"6b4e448d66e4abccc5f93b94daa31d229b6c6ced78b1a81ec6e9496e84273392"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePersonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createPerson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreatePersonMutation, CreatePersonMutationVariables>;
export const SetLiaisonDocument = {"__meta__":{"hash":"a9936f844b7b1bbaa175c38db2548176f621ffa0258a7a03b5f430592857be6b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetLiaison"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetLiaisonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setLiaison"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Liaison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetLiaisonMutation, SetLiaisonMutationVariables>;
export const RaiseEscalationDocument = {"__meta__":{"hash":"db9ee9acb3304a90d0133bb3227b7aa74c42384ff2792cde6c10222315a804d6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RaiseEscalation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RaiseEscalationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"raiseEscalation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Escalation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RaiseEscalationMutation, RaiseEscalationMutationVariables>;
export const EscalationsDocument = {"__meta__":{"hash":"c1b068eb9812076ac28c1de516061edc2c6b866d48e80b7933a570077e5b608b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Escalations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EscalationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"escalations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"raisedBy"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"raisingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]}}]} as unknown as DocumentNode<EscalationsQuery, EscalationsQueryVariables>;
export const EscalationDetailDocument = {"__meta__":{"hash":"6ad670fb742dfa06fe51e03c626c5e912b1b6969ad3b8ef890d34b66635902f6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EscalationDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"escalation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"raisedBy"}},{"kind":"Field","name":{"kind":"Name","value":"raisingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refKind"}},{"kind":"Field","name":{"kind":"Name","value":"refId"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"meetingId"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}}]}}]} as unknown as DocumentNode<EscalationDetailQuery, EscalationDetailQueryVariables>;
export const EscalationAttachmentDocument = {"__meta__":{"hash":"212b4147b0c3bb203a870351712a1fed1237a2089cbc25b3d3dd0a353a969b69"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EscalationAttachment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"escalationAttachment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]} as unknown as DocumentNode<EscalationAttachmentQuery, EscalationAttachmentQueryVariables>;
export const PlannedMeetingsDocument = {"__meta__":{"hash":"e2e1b8c7e0ce7c326fccc566c12693239d219e7458170d939d84598a5e9e70a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlannedMeetings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"meetings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PLANNED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"convener"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<PlannedMeetingsQuery, PlannedMeetingsQueryVariables>;
export const AssignEscalationDocument = {"__meta__":{"hash":"bd656afd7ad6dea77a20fe6acc689c10a1e5447f641799f08fb5e3ef2ef551b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignEscalation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assignee"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"assignEscalation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"assignee"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignee"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Escalation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AssignEscalationMutation, AssignEscalationMutationVariables>;
export const ScheduleEscalationDocument = {"__meta__":{"hash":"50eac1d4993456617843f93d35832d2adcb2a4c1cdae3379e96cb84ce1e06a85"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleEscalation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleEscalation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"meetingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Escalation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"meetingId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleEscalationMutation, ScheduleEscalationMutationVariables>;
export const DecideEscalationDocument = {"__meta__":{"hash":"f5753d912374cf168362dc6b3c0265d9b29eaa659049ac714d0b96fd9b54544e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideEscalation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"decision"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"decideEscalation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"decision"},"value":{"kind":"Variable","name":{"kind":"Name","value":"decision"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Escalation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecideEscalationMutation, DecideEscalationMutationVariables>;
export const PushInboxDocument = {"__meta__":{"hash":"e5ebbe98bf6068c9358cc26178b73179fda40953bb52482bd29081de200e025c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PushInbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PushState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pushInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"overdue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"matterName"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"applicantContact"}},{"kind":"Field","name":{"kind":"Name","value":"applicantAddress"}},{"kind":"Field","name":{"kind":"Name","value":"legalDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pushedAt"}},{"kind":"Field","name":{"kind":"Name","value":"claimDue"}},{"kind":"Field","name":{"kind":"Name","value":"claimedAt"}},{"kind":"Field","name":{"kind":"Name","value":"claimedBy"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackState"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDue"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PushInboxQuery, PushInboxQueryVariables>;
export const FeedbackInboxDocument = {"__meta__":{"hash":"933e6cc80fc601c289f671541161d1793ceae37b5b9cf43328cdbeb64dae3233"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FeedbackInbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"abnormal"}},{"kind":"Field","name":{"kind":"Name","value":"resultType"}},{"kind":"Field","name":{"kind":"Name","value":"foundOn"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FeedbackInboxQuery, FeedbackInboxQueryVariables>;
export const NoticeInboxDocument = {"__meta__":{"hash":"a085eea3a7152925e67e682a050a0d72ba60ccbbedf4e9e49460a0a14fea06f9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NoticeInbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"noticeInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"changeKind"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"announcedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NoticeInboxQuery, NoticeInboxQueryVariables>;
export const PushClaimDocument = {"__meta__":{"hash":"482bb78ee91c24f9ae5690df5b73d46a3412078e362af3985fe460594e503acf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PushClaim"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimPushInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"claimPush"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Push"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"claimedAt"}},{"kind":"Field","name":{"kind":"Name","value":"claimedBy"}},{"kind":"Field","name":{"kind":"Name","value":"claimMethod"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PushClaimMutation, PushClaimMutationVariables>;
export const PushCloseDocument = {"__meta__":{"hash":"8f24817ef06cae20a1a535b397079faf685805d792fe44a1ad209e8bfeeb84a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PushClose"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pushId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"closePushWithoutAbnormality"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pushId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pushId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Push"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackState"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PushCloseMutation, PushCloseMutationVariables>;
export const CreditNoticesDocument = {"__meta__":{"hash":"2e5281a125f647c562cd03a82bdb498beed431a0653d3a83e4ab763ff71612b1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CreditNotices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"creditNotices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"previousLevelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"jointPunished"}},{"kind":"Field","name":{"kind":"Name","value":"decidingRule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreditNoticesQuery, CreditNoticesQueryVariables>;
export const LinkageFormDepartmentsDocument = {"__meta__":{"hash":"4bf89ab966c17abdd43ccff674e91120354e83458a92aa4a3c926866796b67ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkageFormDepartments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"officePhone"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkageFormDepartmentsQuery, LinkageFormDepartmentsQueryVariables>;
export const LinkageEditDocument = {"__meta__":{"hash":"baed321f1a19780f001120ed1a0a9a27bd18f2d4bc08c59ab3c5520eb35087a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkageEdit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"linkage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"principle"}},{"kind":"Field","name":{"kind":"Name","value":"dataScope"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"claimDays"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDays"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"confidentiality"}},{"kind":"Field","name":{"kind":"Name","value":"approvalMatter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisionMatter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvingSection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvingPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisingSection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisingPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"basisDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"signedOn"}},{"kind":"Field","name":{"kind":"Name","value":"parties"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}}]}}]} as unknown as DocumentNode<LinkageEditQuery, LinkageEditQueryVariables>;
export const LinkageCreateDocument = {"__meta__":{"hash":"85200e3462ae8d9f24e618f09c1f5509f10143326a5e8be74b517cb29ab90937"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkageCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createLinkage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Linkage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkageCreateMutation, LinkageCreateMutationVariables>;
export const LinkageUpdateDocument = {"__meta__":{"hash":"0c74930a2ee5d027bfcd6d042aca87ba0eee0f93717508832340f27f87fea267"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkageUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateLinkage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Linkage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"approvalConfirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionConfirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkageUpdateMutation, LinkageUpdateMutationVariables>;
export const BasisDocumentUploadDocument = {"__meta__":{"hash":"892ae8ea475d4870880937b838b7c5d901841b20dc2f4191cee0ee0bbbbf74db"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BasisDocumentUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadBasisDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"uploadBasisDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BasisDocument"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"signedOn"}},{"kind":"Field","name":{"kind":"Name","value":"parties"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BasisDocumentUploadMutation, BasisDocumentUploadMutationVariables>;
export const LinkagesDocument = {"__meta__":{"hash":"4b766d40d047eaf735023861a8fa14aeb7dc549b90552a818caf487522b570df"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Linkages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmed"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"linkages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keyword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmed"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmed"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"principle"}},{"kind":"Field","name":{"kind":"Name","value":"claimDays"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDays"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionConfirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvalMatter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisionMatter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisingPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkagesQuery, LinkagesQueryVariables>;
export const LinkageConfirmDocument = {"__meta__":{"hash":"c87468ae3cb8c8d5d3d1e7fe6b74dfe6ffe9060e5dd5c1f32d83b80f7454153b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkageConfirm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"confirmLinkage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Linkage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionConfirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkageConfirmMutation, LinkageConfirmMutationVariables>;
export const LinkageWorkbookDocument = {"__meta__":{"hash":"5e33faad2e5d5fd32064d512f31c8b51be795f2613a834553680d7a5f6f5e292"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkageWorkbook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"linkageWorkbook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]} as unknown as DocumentNode<LinkageWorkbookQuery, LinkageWorkbookQueryVariables>;
export const LinkageImportDocument = {"__meta__":{"hash":"f58a40e374c71d146f3113f6d7b6dcc4cd3035b7534412336f8d5f3fe6069086"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkageImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contentBase64"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"importLinkages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contentBase64"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contentBase64"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageImportSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingConfirmationLinkageIds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageImportErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkageImportMutation, LinkageImportMutationVariables>;
export const LinkagePublishDocument = {"__meta__":{"hash":"8357423bd4dbb3d5a7bbfaa926563b00056d57108622f9cb53d6a9d807e1aa07"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkagePublish"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"summary"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"publishLinkageList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"summary"},"value":{"kind":"Variable","name":{"kind":"Name","value":"summary"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageListVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"addedLinkageIds"}},{"kind":"Field","name":{"kind":"Name","value":"changedLinkageIds"}},{"kind":"Field","name":{"kind":"Name","value":"removedLinkageIds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkagePublishMutation, LinkagePublishMutationVariables>;
export const LinkageShowDocument = {"__meta__":{"hash":"345dee8a24cf97975faead94c5599ac040491e647c581deeec2f48452bfeb703"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkageShow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"linkage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"principle"}},{"kind":"Field","name":{"kind":"Name","value":"dataScope"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"claimDays"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDays"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"confidentiality"}},{"kind":"Field","name":{"kind":"Name","value":"approvalConfirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionConfirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"removalRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvalMatter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisionMatter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvingSection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvingPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"officePhone"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisingSection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisingPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"officePhone"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"basisDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"signedOn"}},{"kind":"Field","name":{"kind":"Name","value":"parties"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}}]}}]} as unknown as DocumentNode<LinkageShowQuery, LinkageShowQueryVariables>;
export const LinkageVersionsDocument = {"__meta__":{"hash":"2bfc1440e053233133366533aa7f751e1ba934a30df3ffa1513226ea7bc0fa21"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkageVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"publishedLinkageListVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"publisherName"}},{"kind":"Field","name":{"kind":"Name","value":"addedLinkageIds"}},{"kind":"Field","name":{"kind":"Name","value":"changedLinkageIds"}},{"kind":"Field","name":{"kind":"Name","value":"removedLinkageIds"}}]}}]}}]} as unknown as DocumentNode<LinkageVersionsQuery, LinkageVersionsQueryVariables>;
export const LinkagePushesDocument = {"__meta__":{"hash":"6ced5a44414bde5335ca342ccdf90453706d720d0ece60092a25ff7bc28a245e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkagePushes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"matterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"matterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"matterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"pushes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"pushedAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"listVersion"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackState"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"responsibilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"linkageId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkagePushesQuery, LinkagePushesQueryVariables>;
export const BasisDocumentFileDocument = {"__meta__":{"hash":"db542301aad226ca24d7c951f8b2dcba5c65bc4961689f1701c6379f17c4e164"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BasisDocumentFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"basisDocumentFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]} as unknown as DocumentNode<BasisDocumentFileQuery, BasisDocumentFileQueryVariables>;
export const LinkageRequestRemovalDocument = {"__meta__":{"hash":"e37ee59ec2654b9a2cca3786ebb28f2cc6c5c6302547609c2056d5479e13ea46"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkageRequestRemoval"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestLinkageRemoval"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Linkage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"removalRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkageRequestRemovalMutation, LinkageRequestRemovalMutationVariables>;
export const LinkageDeleteDocument = {"__meta__":{"hash":"3f426d4cd4c6b91706b33fa7bdbb7ef354694597ef281d74c35bc8206f21633a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkageDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deleteLinkage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeletedLinkage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LinkageDeleteMutation, LinkageDeleteMutationVariables>;
export const MatterCreateDocument = {"__meta__":{"hash":"6caa3dc7601aa8adc9fe90b6eb82e4e07d12f922c5735f6ea3f65f8ce8bdb5a1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MatterCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMatterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createMatter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Matter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MatterCreateMutation, MatterCreateMutationVariables>;
export const MattersListDocument = {"__meta__":{"hash":"a6d2113b0d28f3f1be629cb9b6f5304fd38297e25b6f4e9932391004a11f379e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MattersList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MatterKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"keyword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"repealedOn"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MattersListQuery, MattersListQueryVariables>;
export const DepartmentOptionsDocument = {"__meta__":{"hash":"db0509012eabb72bf13719023992c4c51ea5c106edafc511e104e2aa6db5b608"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepartmentOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DepartmentOptionsQuery, DepartmentOptionsQueryVariables>;
export const MeetingsDocument = {"__meta__":{"hash":"78b07be32efa51856e0d46f7d55c64768b2401f8b496290e7d2274151182922c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Meetings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"meetings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"heldAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"convener"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}}]}}]} as unknown as DocumentNode<MeetingsQuery, MeetingsQueryVariables>;
export const ConveneMeetingDocument = {"__meta__":{"hash":"1c0a6c50d88bdc903d8b9cf829f008de54d513aa2e4296ca0b8c7ace5ac08150"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConveneMeeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConveneMeetingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"conveneMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meeting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConveneMeetingMutation, ConveneMeetingMutationVariables>;
export const MeetingDetailDocument = {"__meta__":{"hash":"45adc0b4095433d16c776047c77e835d1911df0efde02a96780ecc8abb40e5a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeetingDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"meeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"heldAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"}},{"kind":"Field","name":{"kind":"Name","value":"convenedBy"}},{"kind":"Field","name":{"kind":"Name","value":"convener"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agenda"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"refId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"followUp"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agendaItemId"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exchanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pushId"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]}}]} as unknown as DocumentNode<MeetingDetailQuery, MeetingDetailQueryVariables>;
export const RecordMeetingMinutesDocument = {"__meta__":{"hash":"6a8b4c3eb389fd07e504edecf5f156c70ffa7d27c62c56abc0719a03d4f5c696"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMeetingMinutes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minutes"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"heldAt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordMeetingMinutes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"minutes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minutes"}}},{"kind":"Argument","name":{"kind":"Name","value":"heldAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"heldAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meeting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"}},{"kind":"Field","name":{"kind":"Name","value":"heldAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordMeetingMinutesMutation, RecordMeetingMinutesMutationVariables>;
export const AddMeetingDecisionDocument = {"__meta__":{"hash":"2c979930a775410c9f1b39d0d29c14bdfa77a760c14ece4529af3fc78ca5669f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMeetingDecision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ownerDepartmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dueOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agendaItemId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addMeetingDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"ownerDepartmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ownerDepartmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"dueOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dueOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"agendaItemId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agendaItemId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AddMeetingDecisionMutation, AddMeetingDecisionMutationVariables>;
export const FollowUpMeetingDecisionDocument = {"__meta__":{"hash":"99efc901657113101510718f14e286a5b10aab3ac870117158e9907197cc52dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FollowUpMeetingDecision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"decisionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"followUpMeetingDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"decisionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"decisionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"followUp"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpMeetingDecisionMutation, FollowUpMeetingDecisionMutationVariables>;
export const RecordMeetingExchangeDocument = {"__meta__":{"hash":"3fb0cdd590765c20af033b58a78f9a74c2b786e88c2acabd9ff0739bc834370c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMeetingExchange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pushId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"summary"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordMeetingExchange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"pushId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pushId"}}},{"kind":"Argument","name":{"kind":"Name","value":"summary"},"value":{"kind":"Variable","name":{"kind":"Name","value":"summary"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingExchange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pushId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordMeetingExchangeMutation, RecordMeetingExchangeMutationVariables>;
export const PublishedListDocument = {"__meta__":{"hash":"ddc84c829ac6bbe84da49c5b6004534f1efcdcf3d186555a486acd896ae71850"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublishedList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"publishedLinkageList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"publisherName"}},{"kind":"Field","name":{"kind":"Name","value":"publishingDepartmentName"}},{"kind":"Field","name":{"kind":"Name","value":"removedEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"linkageId"}},{"kind":"Field","name":{"kind":"Name","value":"approvalMatterCode"}},{"kind":"Field","name":{"kind":"Name","value":"approvalMatterName"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionMatterCode"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionMatterName"}},{"kind":"Field","name":{"kind":"Name","value":"supervisingDepartmentName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"linkageId"}},{"kind":"Field","name":{"kind":"Name","value":"approvalMatterCode"}},{"kind":"Field","name":{"kind":"Name","value":"approvalMatterName"}},{"kind":"Field","name":{"kind":"Name","value":"approvingDepartmentName"}},{"kind":"Field","name":{"kind":"Name","value":"approvingSectionName"}},{"kind":"Field","name":{"kind":"Name","value":"approvingPersonName"}},{"kind":"Field","name":{"kind":"Name","value":"approvingOfficePhone"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionMatterCode"}},{"kind":"Field","name":{"kind":"Name","value":"supervisionMatterName"}},{"kind":"Field","name":{"kind":"Name","value":"supervisingDepartmentName"}},{"kind":"Field","name":{"kind":"Name","value":"supervisingSectionName"}},{"kind":"Field","name":{"kind":"Name","value":"supervisingPersonName"}},{"kind":"Field","name":{"kind":"Name","value":"supervisingOfficePhone"}},{"kind":"Field","name":{"kind":"Name","value":"principle"}},{"kind":"Field","name":{"kind":"Name","value":"claimDays"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDays"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedLinkageListVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]} as unknown as DocumentNode<PublishedListQuery, PublishedListQueryVariables>;
export const SignInDocument = {"__meta__":{"hash":"adc5bc10db7286116ba8c6c55ca235807c26e8f24b4b3eb99eedd06ac7c0366d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SignInPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SmsMessagesDocument = {"__meta__":{"hash":"3e4124849c2151f69dd31305cfd064544003004aa0dd34d4122b0a48fcf61124"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmsMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"smsMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"template"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"sender"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SmsMessagesQuery, SmsMessagesQueryVariables>;
export const StatisticsCasesDocument = {"__meta__":{"hash":"6d0f0402df2ee4ee2e94a8e9269549ac31c3c607840adc8fc9b8f0a5994734f5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"figure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsFigure"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"statisticsCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"figure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"figure"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsCases"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"pushId"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"claimDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"claimedAt"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"fedBackAt"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackResult"}},{"kind":"Field","name":{"kind":"Name","value":"handlingMode"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StatisticsCasesQuery, StatisticsCasesQueryVariables>;
export const StatisticsDocument = {"__meta__":{"hash":"4af57ae972484cb72e279f5d767dc91ea282f3c819b150b658a72a26ff38b284"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Statistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"totals"},"name":{"kind":"Name","value":"linkageStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageStatistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFigures"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byDepartment"},"name":{"kind":"Name","value":"linkageStatisticsSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"EnumValue","value":"DEPARTMENT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageStatisticsSeries"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFigures"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byMonth"},"name":{"kind":"Name","value":"linkageStatisticsSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"EnumValue","value":"MONTH"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageStatisticsSeries"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFigures"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LinkageStatistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkagesInForce"}},{"kind":"Field","name":{"kind":"Name","value":"pushesSent"}},{"kind":"Field","name":{"kind":"Name","value":"pushesReceived"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAtAcceptance"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAtCompletion"}},{"kind":"Field","name":{"kind":"Name","value":"pushesClaimed"}},{"kind":"Field","name":{"kind":"Name","value":"claimsByMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimRate"}},{"kind":"Field","name":{"kind":"Name","value":"claimsDue"}},{"kind":"Field","name":{"kind":"Name","value":"claimedOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"claimedLate"}},{"kind":"Field","name":{"kind":"Name","value":"claimOnTimeRate"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackLimited"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDue"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeFeedbackRate"}},{"kind":"Field","name":{"kind":"Name","value":"closedLate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"openOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalResults"}},{"kind":"Field","name":{"kind":"Name","value":"acceptances"}},{"kind":"Field","name":{"kind":"Name","value":"acceptancesWithCreditCheck"}},{"kind":"Field","name":{"kind":"Name","value":"creditCheckRate"}},{"kind":"Field","name":{"kind":"Name","value":"facilitationApplied"}},{"kind":"Field","name":{"kind":"Name","value":"facilitationSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalFindings"}}]}}]} as unknown as DocumentNode<StatisticsQuery, StatisticsQueryVariables>;
export const StatisticsWorkbookDocument = {"__meta__":{"hash":"867a479aeb12d86751e368af49aa5d41aaf379e60c39dcda40b4d16ebdbbaaa9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsWorkbook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsGrouping"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"linkageStatisticsSeriesWorkbook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoordinationFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StatisticsWorkbookQuery, StatisticsWorkbookQueryVariables>;
export const StatisticsAssessmentDocument = {"__meta__":{"hash":"a70aa99cc26801e44cb475483c42c6a2b5d436a2798dc7dd564e0f12793681e5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Assessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"calculatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"indicator"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StatisticsAssessmentQuery, StatisticsAssessmentQueryVariables>;
export const StatisticsAssessmentWorkbookDocument = {"__meta__":{"hash":"f1d47a441f7750fc634de614ef53eee115ae184385c35b84f0cd771dd5fefacf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsAssessmentWorkbook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"assessmentWorkbook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoordinationFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StatisticsAssessmentWorkbookQuery, StatisticsAssessmentWorkbookQueryVariables>;
export const StatisticsAssessmentReportDocument = {"__meta__":{"hash":"752da0d057c5f39ba5c1ba2b5c3a8b4dba2d352fb531d2e969d14fcd22d4615b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsAssessmentReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"assessmentReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoordinationFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StatisticsAssessmentReportQuery, StatisticsAssessmentReportQueryVariables>;
export const SubjectRegisterDocument = {"__meta__":{"hash":"b703d253769cffff528dac605256ae41417bc4eb5b0796ef5e640e4ce87f139d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubjectRegister"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterSubjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"registerSubject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Subject"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubjectRegisterMutation, SubjectRegisterMutationVariables>;
export const SubjectsListDocument = {"__meta__":{"hash":"aa405927ba49865dbf2a81c42618da9147e4a79153c82f6501073f67ac7d688d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keyword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<SubjectsListQuery, SubjectsListQueryVariables>;
export const SubjectLookupDocument = {"__meta__":{"hash":"47a97802a9f68987fd11cf348b850ac275605e373fba29c8604735cf8b4ee80e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"creditCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"creditCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"lookupId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CreditAssessmentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CreditAssessmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditAssessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"jointPunished"}},{"kind":"Field","name":{"kind":"Name","value":"ruleVersion"}},{"kind":"Field","name":{"kind":"Name","value":"determinedOn"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"causes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCode"}},{"kind":"Field","name":{"kind":"Name","value":"ruleName"}},{"kind":"Field","name":{"kind":"Name","value":"scoreDelta"}},{"kind":"Field","name":{"kind":"Name","value":"forcesLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointPunishments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDocument"}},{"kind":"Field","name":{"kind":"Name","value":"measures"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<SubjectLookupQuery, SubjectLookupQueryVariables>;
export const CreditRecordAddDocument = {"__meta__":{"hash":"89fdf16ddebcb97a1903dba3ff8844786b47293a5601915eb9432349d4601765"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreditRecordAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCreditRecordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addCreditRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreditRecordAddMutation, CreditRecordAddMutationVariables>;
export const WorkbenchMatterCountDocument = {"__meta__":{"hash":"6d981520e2094d4cad9f727e9363f353a9526033b8f1a7ac554783ed41296434"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkbenchMatterCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MatterKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cap"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cap"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WorkbenchMatterCountQuery, WorkbenchMatterCountQueryVariables>;
export const WorkbenchApplicationCountDocument = {"__meta__":{"hash":"7fadd570f2bb81584ebfd6ed854cd1947e033beb3970e860d78afb00ce111939"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkbenchApplicationCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cap"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cap"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WorkbenchApplicationCountQuery, WorkbenchApplicationCountQueryVariables>;
export const WorkbenchFindingCountDocument = {"__meta__":{"hash":"4355895aa316534a0b2c906f41d279d45c85260f44b7ea93bd1db27c6fc6fdba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkbenchFindingCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cap"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cap"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WorkbenchFindingCountQuery, WorkbenchFindingCountQueryVariables>;
export const WorkbenchSubjectCountDocument = {"__meta__":{"hash":"71b22ab4b6d268f1b0e17d8367239b3917b85d08c77a1f886709e8822567e501"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkbenchSubjectCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cap"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cap"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}}]}}]}}]} as unknown as DocumentNode<WorkbenchSubjectCountQuery, WorkbenchSubjectCountQueryVariables>;
export const WorkbenchTodoPushesDocument = {"__meta__":{"hash":"a39183803969081ca3bd710e75382398dd75b2a867b49e0cdba7737c60e4b7d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkbenchTodoPushes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"awaiting"},"name":{"kind":"Name","value":"pushInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"EnumValue","value":"AWAITING_CLAIM"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkbenchTodoPush"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"feedbackDue"},"name":{"kind":"Name","value":"pushInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"EnumValue","value":"CLAIMED"}},{"kind":"Argument","name":{"kind":"Name","value":"feedbackState"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkbenchTodoPush"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"overdue"},"name":{"kind":"Name","value":"pushInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"overdue"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkbenchTodoPush"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkbenchTodoPush"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Push"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"matterName"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"claimDue"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackDue"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WorkbenchTodoPushesQuery, WorkbenchTodoPushesQueryVariables>;
export const WorkbenchTodoFeedbackDocument = {"__meta__":{"hash":"e24975fa8aeb4d0ce9516dc6208829a5233d888a8017bd597459673aabe6887e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkbenchTodoFeedback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"abnormal"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkbenchTodoFeedbackQuery, WorkbenchTodoFeedbackQueryVariables>;
export const WorkbenchTodoNoticesDocument = {"__meta__":{"hash":"e420e1677bb9bbe45844edb8940c9cc41dffd5dbac0d1ed045e688721573c442"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkbenchTodoNotices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"noticeInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"announcedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkbenchTodoNoticesQuery, WorkbenchTodoNoticesQueryVariables>;