import {
  CAPITAL_ORIGIN_LABELS,
  COMPANY_TAG_LABELS,
  LEAD_SOURCE_LABELS,
  LEAD_STATUS_LABELS,
  OWNERSHIP_TYPE_LABELS,
  PROJECT_STATUS_LABELS,
  PROJECT_STAGES,
  type ImportColumnDto,
  type ImportKind,
} from '@lianqiao/contracts';

/** How a cell is read: the validator turns each type into a checked value or a message. */
export type ColumnType =
  | { type: 'text'; max: number }
  | { type: 'wan' }
  | { type: 'int'; max: number }
  | { type: 'decimal'; max: number }
  | { type: 'date' }
  | { type: 'datetime' }
  | { type: 'bool' }
  | { type: 'enum'; values: Record<string, string> }
  | { type: 'tags' }
  | { type: 'mobile' }
  | { type: 'uscc' }
  | { type: 'email' }
  | { type: 'username' }
  | { type: 'nodes' };

export interface ImportColumn extends ImportColumnDto {
  read: ColumnType;
}

const text = (max: number): ColumnType => ({ type: 'text', max });
const enumOf = (labels: Record<string, string>): ColumnType => ({ type: 'enum', values: labels });
const col = (
  field: string,
  header: string,
  read: ColumnType,
  help: string,
  options: { required?: boolean; aliases?: string[] } = {},
): ImportColumn => ({
  field,
  header,
  read,
  help,
  required: options.required ?? false,
  aliases: options.aliases ?? [],
});

const labelList = (labels: Record<string, string>) => Object.values(labels).join('、');
const NODES_HELP = '产业链环节名称，多个用顿号或逗号分隔；重名时写成“产业链/环节”，如 汽车/动力电池';

const company = [
  col(
    'companyName',
    '企业名称',
    text(200),
    '按统一社会信用代码或名称（忽略“有限公司”等后缀与空格）匹配已有企业，找不到则新建',
    { aliases: ['企业', '公司', '公司名称', 'company'] },
  ),
  col('companyUscc', '统一社会信用代码', { type: 'uscc' }, '18 位，填写时优先按它匹配企业', {
    aliases: ['信用代码', '企业信用代码', 'uscc'],
  }),
];

const PIPELINE_STAGE_LABELS = Object.fromEntries(PROJECT_STAGES.map((s) => [s, PROJECT_STATUS_LABELS[s]]));
const IMPORTABLE_LEAD_STATUSES = Object.fromEntries(
  Object.entries(LEAD_STATUS_LABELS).filter(([code]) => code !== 'converted'),
);

/** The columns of each kind's template, in the template's order. Headers match ignoring spaces, `*` and bracket width. */
export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  leads: [
    col('name', '线索名称', text(200), '如：某新能源电池项目', { required: true, aliases: ['名称', 'name'] }),
    ...company,
    col('source', '来源', enumOf(LEAD_SOURCE_LABELS), `${labelList(LEAD_SOURCE_LABELS)}（或英文代码）`, {
      required: true,
      aliases: ['线索来源', 'source'],
    }),
    col('status', '状态', enumOf(IMPORTABLE_LEAD_STATUSES), `${labelList(IMPORTABLE_LEAD_STATUSES)}；不填为新线索`, {
      aliases: ['status'],
    }),
    col('ownerUsername', '负责人账号', { type: 'username' }, '系统登录账号；不填为导入人。招商专员只能填本专班同事', {
      aliases: ['负责人', 'owner'],
    }),
    col('estimatedWan', '预计投资(万元)', { type: 'wan' }, '整数，单位万元', {
      aliases: ['预计投资', '投资额(万元)', 'estimatedWan'],
    }),
    col('chainNodes', '产业链环节', { type: 'nodes' }, NODES_HELP, { aliases: ['产业链', '环节'] }),
    col('nextFollowUpAt', '下次跟进日期', { type: 'datetime' }, '如 2026-12-01 或 2026-12-01 09:30', {
      aliases: ['下次跟进', '跟进日期'],
    }),
    col('contactName', '联系人', text(64), '', { aliases: ['联系人姓名'] }),
    col('contactMobile', '联系电话', { type: 'mobile' }, '11 位手机号', { aliases: ['手机', '手机号', '联系人手机'] }),
    col('invalidReason', '无效原因', text(500), '状态为“无效”时必填'),
    col('notes', '备注', text(5000), ''),
  ],
  companies: [
    col('name', '企业名称', text(200), '同名（忽略后缀与空格）或同信用代码的已有企业不会重复建立', {
      required: true,
      aliases: ['企业', '公司名称', 'name'],
    }),
    col('uscc', '统一社会信用代码', { type: 'uscc' }, '18 位，校验位按 GB 32100-2015 检查', {
      aliases: ['信用代码', 'uscc'],
    }),
    col('ownership', '企业性质', enumOf(OWNERSHIP_TYPE_LABELS), labelList(OWNERSHIP_TYPE_LABELS), {
      aliases: ['所有制', '性质'],
    }),
    col('province', '省份', text(32), '总部所在省份', { aliases: ['省'] }),
    col('city', '城市', text(32), '总部所在城市', { aliases: ['市'] }),
    col('chainNodes', '产业链环节', { type: 'nodes' }, NODES_HELP, { aliases: ['产业链', '环节'] }),
    col('tags', '标签', { type: 'tags' }, `${labelList(COMPANY_TAG_LABELS)}，多个用顿号分隔`),
    col('website', '网址', text(255), ''),
    col('isTarget', '目标企业', { type: 'bool' }, '是/否：是否列入目标企业库（否为已落地企业）', {
      aliases: ['是否目标企业'],
    }),
    col('isChainLeader', '链主企业', { type: 'bool' }, '是/否', { aliases: ['是否链主', '是否链主企业'] }),
    col('notes', '备注', text(5000), ''),
  ],
  contacts: [
    ...company.map((c) => ({
      ...c,
      help: c.field === 'companyName' ? '企业名称或信用代码至少填一项；找不到的企业会新建' : c.help,
    })),
    col('name', '姓名', text(64), '', { required: true, aliases: ['联系人', '联系人姓名', 'name'] }),
    col('title', '职务', text(64), '', { aliases: ['职位'] }),
    col('mobile', '手机', { type: 'mobile' }, '11 位手机号', { aliases: ['手机号', '联系电话', '电话'] }),
    col('email', '邮箱', { type: 'email' }, '', { aliases: ['电子邮箱', 'email'] }),
    col('wechat', '微信', text(64), '', { aliases: ['微信号'] }),
  ],
  projects: [
    col('name', '项目名称', text(200), '', { required: true, aliases: ['名称', '项目', 'name'] }),
    ...company,
    col(
      'stage',
      '阶段',
      enumOf(PIPELINE_STAGE_LABELS),
      `${labelList(PIPELINE_STAGE_LABELS)}；不填为在谈。填到哪一阶段，就要填到该阶段为止的证明：签约需签约日期和合同额，落地需落地企业信用代码，开工需开工日期，投产需投产日期`,
      {
        aliases: ['项目阶段', 'stage'],
      },
    ),
    col('ownerUsername', '负责人账号', { type: 'username' }, '不填为导入人；只有领导可以把项目交给他人', {
      aliases: ['负责人', 'owner'],
    }),
    col('responsibleLeaderUsername', '包保领导账号', { type: 'username' }, '须为领导或管理员的账号', {
      aliases: ['包保领导'],
    }),
    col('isKey', '重点项目', { type: 'bool' }, '是/否', { aliases: ['是否重点', '是否重点项目'] }),
    col('capitalOrigin', '资本来源', enumOf(CAPITAL_ORIGIN_LABELS), '内资、外资', { aliases: ['内外资'] }),
    col('capitalSource', '资本来源地', text(64), '省份（内资）或国家（外资）', { aliases: ['来源地'] }),
    col('totalInvestmentWan', '总投资(万元)', { type: 'wan' }, '整数，单位万元', {
      aliases: ['总投资', '计划总投资(万元)'],
    }),
    col('fixedAssetWan', '固定资产投资(万元)', { type: 'wan' }, '', { aliases: ['固定资产投资'] }),
    col('contractedWan', '合同额(万元)', { type: 'wan' }, '签约及以后阶段必填', {
      aliases: ['合同额', '合同投资额(万元)', '合同投资额'],
    }),
    col('paidInWan', '到位资金(万元)', { type: 'wan' }, '至今累计到位', { aliases: ['到位资金', '到位资金(万元)'] }),
    col('projectedJobs', '预计就业(人)', { type: 'int', max: 1_000_000 }, '', { aliases: ['预计就业'] }),
    col('contractedJobs', '合同就业(人)', { type: 'int', max: 1_000_000 }, '', { aliases: ['合同就业'] }),
    col('actualJobs', '实际就业(人)', { type: 'int', max: 1_000_000 }, '', { aliases: ['实际就业'] }),
    col('landMu', '用地(亩)', { type: 'decimal', max: 1_000_000 }, '最多两位小数', {
      aliases: ['用地', '用地面积(亩)'],
    }),
    col('factoryAreaM2', '厂房面积(㎡)', { type: 'int', max: 100_000_000 }, '标准厂房面积，平方米', {
      aliases: ['厂房面积', '厂房面积(m2)', '厂房面积(平方米)'],
    }),
    col('expectedOutputWan', '预计年产值(万元)', { type: 'wan' }, '', { aliases: ['预计年产值'] }),
    col('expectedTaxWan', '预计年税收(万元)', { type: 'wan' }, '', { aliases: ['预计年税收'] }),
    col('chainNodes', '产业链环节', { type: 'nodes' }, NODES_HELP, { aliases: ['产业链', '环节'] }),
    col('signedAt', '签约日期', { type: 'date' }, '如 2026-03-15', { aliases: ['签约时间'] }),
    col('localUscc', '落地企业信用代码', { type: 'uscc' }, '在本地注册的企业的统一社会信用代码', {
      aliases: ['落地企业统一社会信用代码'],
    }),
    col('startedAt', '开工日期', { type: 'date' }, '', { aliases: ['开工时间'] }),
    col('producingAt', '投产日期', { type: 'date' }, '', { aliases: ['投产时间'] }),
    col('leadSource', '线索来源', enumOf(LEAD_SOURCE_LABELS), labelList(LEAD_SOURCE_LABELS), { aliases: ['来源'] }),
  ],
};

/** "总投资（万元）*" → "总投资(万元)": how headers are compared. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s*＊]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toLowerCase();
}

/** The column spec each header of the file names (null for columns we do not know: ignored). */
export function matchHeaders(kind: ImportKind, headers: string[]): Array<ImportColumn | null> {
  const byName = new Map<string, ImportColumn>();
  for (const column of IMPORT_COLUMNS[kind]) {
    for (const name of [column.header, column.field, ...column.aliases]) {
      const key = normalizeHeader(name);
      if (!byName.has(key)) byName.set(key, column);
    }
  }
  const seen = new Set<string>();
  return headers.map((header) => {
    const column = byName.get(normalizeHeader(header ?? '')) ?? null;
    if (!column || seen.has(column.field)) return null;
    seen.add(column.field);
    return column;
  });
}
