// Live inbox updates (GraphQL subscription).
const live = {
  newPush: '收到新的推送',
  newFeedback: '收到新的监管反馈',
  newSummary: '收到新的月度汇总',
  newRedCard: '本部门被亮红牌',
  newCredit: '在办办件申请人信用等级发生变化',
  status: { connecting: '正在连接实时更新', live: '实时更新中', reconnecting: '实时更新已断开，正在重连' },
} as const;

export default live;
