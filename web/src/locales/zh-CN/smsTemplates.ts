const smsTemplates = {
  tab: '短信模板',
  hint: '短信内容中的 {占位符} 在发送时替换为实际值；服务商模板编码供 HTTP 短信通道使用。',
  purpose: '用途',
  providerCode: '服务商模板编码',
  text: '短信内容',
  placeholders: '可用占位符',
  preview: '预览（示例值）',
  length: '{{count}} 字',
  state: '状态',
  builtIn: '内置默认',
  edited: '{{by}} 于 {{at}} 修改',
  edit: '编辑',
  save: '保存模板',
  saved: '短信模板已保存',
  restoreDefault: '填入默认内容',
  unknownPlaceholder: '未知占位符：{{names}}',
  unbalanced: '花括号不成对：占位符写作 {名称}',
  providerCodeRule: '1 至 64 位字母、数字、下划线或连字符',
  tooLong: '短信内容不能超过 {{max}} 字',
  editTitle: '编辑短信模板：{{title}}',
} as const;

export default smsTemplates;
