import {
  PROJECT_STAGES,
  type ImportKind,
  type ImportRowErrorDto,
  type ProjectStage,
  type Role,
} from '@lianqiao/contracts';
import {
  CHINA_MOBILE,
  EVIDENCE_LABELS,
  judgeTransition,
  normalizeCompanyName,
  normalizeUscc,
  usccProblem,
  HAND_OVER_REFUSAL,
  mayHandOver,
} from '@lianqiao/domain';
import { normalizeHeader, type ImportColumn } from './import-columns';
import type { RawCell, RawRow } from './import-file';

/** What the validator needs of the database: a query returning rows (a pg Client or a TypeORM DataSource). */
export interface ImportDb {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface ImportActor {
  id: string;
  displayName: string;
  role: Role;
  teamId: string | null;
}

/** A checked row as staged in import_rows.data: plain JSON the writer's SQL reads. */
export type StagedRow = Record<string, string | number | boolean | null>;

export interface ValidatedBatch {
  staged: Array<{ rowNo: number; data: StagedRow }>;
  errors: ImportRowErrorDto[];
  /** Rows that name a record already present (companies import): nothing to write. */
  skipped: number;
}

interface UserRef {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
}

interface CompanyRef {
  id: string;
  name: string;
  norm: string;
  uscc: string | null;
  deleted: boolean;
}

interface Parsed {
  row: number;
  values: Record<string, unknown>;
  errors: ImportRowErrorDto[];
  headerOf: (field: string) => string;
}

const MAX_WAN = 100_000_000;
const USCC_MESSAGES = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码含有不允许的字符',
  check: '统一社会信用代码校验位错误',
};
const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '对']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×', '不是']);
const SEPARATORS = /[、,，;；\n]+/;
const SEP = '\u0001';

/**
 * Checks rows the way the API checks a form — every column's value, then the names it refers to
 * (owner's username, chain segments, the company by USCC or normalized name) in one query per
 * batch — and turns each good row into what the writer needs. New companies named by several
 * rows are made once: the first spelling of the name wins.
 */
export class ImportValidator {
  private readonly users = new Map<string, UserRef | null>();
  private readonly nodesByName = new Map<string, string[]>();
  private readonly nodesByPath = new Map<string, string>();
  /** Companies this import will create, by "u:<uscc>" and "n:<normalized name>" → their normalized name. */
  private readonly newCompanies = new Map<string, { norm: string; uscc: string | null }>();
  /** Companies import: keys already seen in the file. */
  private readonly seenInFile = new Set<string>();

  constructor(
    private readonly db: ImportDb,
    private readonly kind: ImportKind,
    private readonly columns: Array<ImportColumn | null>,
    private readonly headers: string[],
    private readonly actor: ImportActor,
  ) {}

  async init(): Promise<void> {
    const nodes: Array<{ id: string; name: string; chain: string; code: string }> = await this.db.query(
      `SELECT n.id, n.name, c.name AS chain, c.code FROM chain_nodes n JOIN chains c ON c.id = n.chain_id
        WHERE n.deleted_at IS NULL AND c.deleted_at IS NULL`,
    );
    for (const node of nodes) {
      const key = normalizeHeader(node.name);
      this.nodesByName.set(key, [...(this.nodesByName.get(key) ?? []), node.id]);
      this.nodesByPath.set(`${normalizeHeader(node.chain)}/${key}`, node.id);
      this.nodesByPath.set(`${normalizeHeader(node.code)}/${key}`, node.id);
    }
  }

  async validate(rows: RawRow[]): Promise<ValidatedBatch> {
    const parsed = rows.map((row) => this.parse(row));
    await this.loadUsers(parsed);
    const companies = await this.loadCompanies(parsed);
    const out: ValidatedBatch = { staged: [], errors: [], skipped: 0 };
    for (const p of parsed) {
      const data = p.errors.length ? null : this.finish(p, companies);
      if (p.errors.length || !data) out.errors.push(...p.errors);
      else if (data === 'skip') out.skipped++;
      else out.staged.push({ rowNo: p.row, data });
    }
    return out;
  }

  // —— cells ——

  private parse(raw: RawRow): Parsed {
    const values: Record<string, unknown> = {};
    const errors: ImportRowErrorDto[] = [];
    const headerByField = new Map<string, string>();
    this.columns.forEach((column, i) => {
      if (!column) return;
      headerByField.set(column.field, this.headers[i]);
      const cell = raw.cells[i] ?? null;
      const empty = cell === null || (typeof cell === 'string' && cell.trim() === '');
      if (empty) {
        if (column.required) errors.push({ row: raw.number, column: this.headers[i], message: '必填' });
        return;
      }
      const result = readCell(column, cell);
      if ('error' in result) errors.push({ row: raw.number, column: this.headers[i], message: result.error });
      else values[column.field] = result.value;
    });
    return { row: raw.number, values, errors, headerOf: (field) => headerByField.get(field) ?? field };
  }

  // —— references ——

  private async loadUsers(parsed: Parsed[]): Promise<void> {
    const wanted = new Set<string>();
    for (const p of parsed) {
      for (const field of ['ownerUsername', 'responsibleLeaderUsername']) {
        const name = p.values[field] as string | undefined;
        if (name && !this.users.has(name.toLowerCase())) wanted.add(name.toLowerCase());
      }
    }
    if (!wanted.size) return;
    const names = [...wanted];
    const rows: Array<{ id: string; username: string; display_name: string; role: Role; team_id: string | null }> =
      await this.db.query(
        `SELECT id, username, display_name, role, team_id FROM users
        WHERE active AND deleted_at IS NULL AND (username = ANY($1) OR lower(display_name) = ANY($1))`,
        [names],
      );
    for (const name of names) {
      const byUsername = rows.find((r) => r.username === name);
      const byDisplay = rows.filter((r) => r.display_name.toLowerCase() === name);
      const hit = byUsername ?? (byDisplay.length === 1 ? byDisplay[0] : undefined);
      this.users.set(
        name,
        hit
          ? { id: hit.id, username: hit.username, displayName: hit.display_name, role: hit.role, teamId: hit.team_id }
          : null,
      );
    }
  }

  private async loadCompanies(
    parsed: Parsed[],
  ): Promise<{ byUscc: Map<string, CompanyRef>; byNorm: Map<string, CompanyRef> }> {
    const usccField = this.kind === 'companies' ? 'uscc' : 'companyUscc';
    const nameField = this.kind === 'companies' ? 'name' : 'companyName';
    const usccs = new Set<string>();
    const norms = new Set<string>();
    for (const p of parsed) {
      if (p.errors.length) continue;
      if (p.values[usccField]) usccs.add(p.values[usccField] as string);
      if (p.values[nameField]) norms.add(normalizeCompanyName(p.values[nameField] as string));
    }
    const byUscc = new Map<string, CompanyRef>();
    const byNorm = new Map<string, CompanyRef>();
    if (!usccs.size && !norms.size) return { byUscc, byNorm };
    const rows: Array<{ id: string; name: string; normalized_name: string; uscc: string | null; deleted: boolean }> =
      await this.db.query(
        `SELECT id, name, normalized_name, uscc, deleted_at IS NOT NULL AS deleted FROM companies
        WHERE uscc = ANY($1) OR (normalized_name = ANY($2) AND deleted_at IS NULL)
        ORDER BY created_at, id`,
        [[...usccs], [...norms]],
      );
    for (const r of rows) {
      const ref = { id: r.id, name: r.name, norm: r.normalized_name, uscc: r.uscc, deleted: r.deleted };
      if (r.uscc) byUscc.set(r.uscc, ref);
      if (!r.deleted && !byNorm.has(r.normalized_name)) byNorm.set(r.normalized_name, ref);
    }
    return { byUscc, byNorm };
  }

  /** The staged row, 'skip' for a record already present, or null with errors added to p. */
  private finish(
    p: Parsed,
    companies: { byUscc: Map<string, CompanyRef>; byNorm: Map<string, CompanyRef> },
  ): StagedRow | 'skip' | null {
    const v = p.values;
    const fail = (field: string, message: string) => {
      p.errors.push({ row: p.row, column: p.headerOf(field), message });
      return null;
    };
    const nodes = this.nodes(p);
    if (nodes === null) return null;

    if (this.kind === 'companies') return this.finishCompany(p, companies, nodes, fail);

    const company = this.company(p, companies, fail);
    if (company === null) return null;
    if (this.kind === 'contacts' && !company.norm) return fail('companyName', '请填写企业名称或统一社会信用代码');
    const companyFields = {
      companyId: company.id,
      companyNorm: company.norm,
      companyName: company.name,
      companyUscc: company.uscc,
    };

    if (this.kind === 'contacts') {
      return {
        ...companyFields,
        name: v.name as string,
        title: (v.title as string) ?? null,
        mobile: (v.mobile as string) ?? null,
        email: (v.email as string) ?? null,
        wechat: (v.wechat as string) ?? null,
        ownerId: this.actor.id,
        teamId: this.actor.teamId,
        key: [company.norm, v.name, v.mobile ?? ''].join(SEP),
      };
    }

    const owner = this.owner(p, fail);
    if (!owner) return null;

    if (this.kind === 'leads') {
      const status = (v.status as string) ?? 'new';
      if (status === 'invalid' && !v.invalidReason) return fail('invalidReason', '状态为“无效”时须填写无效原因');
      return {
        ...companyFields,
        name: v.name as string,
        source: v.source as string,
        status,
        invalidReason: status === 'invalid' ? (v.invalidReason as string) : null,
        ownerId: owner.id,
        teamId: owner.teamId,
        estimatedWan: (v.estimatedWan as number) ?? null,
        nodes,
        nextFollowUpAt: (v.nextFollowUpAt as string) ?? null,
        contactName: (v.contactName as string) ?? null,
        contactMobile: (v.contactMobile as string) ?? null,
        notes: (v.notes as string) ?? null,
        key: [v.name, company.norm ?? '', v.source, owner.id].join(SEP),
      };
    }

    // projects
    let leaderId: string | null = null;
    if (v.responsibleLeaderUsername) {
      const leader = this.users.get((v.responsibleLeaderUsername as string).toLowerCase());
      if (!leader) return fail('responsibleLeaderUsername', `找不到账号 ${v.responsibleLeaderUsername}`);
      if (leader.role === 'staff') return fail('responsibleLeaderUsername', '包保领导须为领导或管理员');
      leaderId = leader.id;
    }
    const stage = ((v.stage as string) ?? 'negotiating') as ProjectStage;
    if (stage !== 'negotiating') {
      const verdict = judgeTransition('negotiating', stage, v as Record<string, string | number>, null);
      if (!verdict.ok) {
        for (const field of verdict.missing ?? []) fail(field, `阶段为该值时必填（${EVIDENCE_LABELS[field]}）`);
        if (!verdict.missing?.length) fail('stage', verdict.message);
        return null;
      }
    }
    return {
      ...companyFields,
      name: v.name as string,
      stage,
      stageIndex: PROJECT_STAGES.indexOf(stage),
      ownerId: owner.id,
      teamId: owner.teamId,
      responsibleLeaderId: leaderId,
      isKey: (v.isKey as boolean) ?? false,
      capitalOrigin: (v.capitalOrigin as string) ?? null,
      capitalSource: (v.capitalSource as string) ?? null,
      totalInvestmentWan: (v.totalInvestmentWan as number) ?? null,
      fixedAssetWan: (v.fixedAssetWan as number) ?? null,
      contractedWan: (v.contractedWan as number) ?? null,
      paidInWan: (v.paidInWan as number) ?? null,
      projectedJobs: (v.projectedJobs as number) ?? null,
      contractedJobs: (v.contractedJobs as number) ?? null,
      actualJobs: (v.actualJobs as number) ?? null,
      landMu: (v.landMu as number) ?? null,
      factoryAreaM2: (v.factoryAreaM2 as number) ?? null,
      expectedOutputWan: (v.expectedOutputWan as number) ?? null,
      expectedTaxWan: (v.expectedTaxWan as number) ?? null,
      nodes,
      signedAt: (v.signedAt as string) ?? null,
      localUscc: (v.localUscc as string) ?? null,
      startedAt: (v.startedAt as string) ?? null,
      producingAt: (v.producingAt as string) ?? null,
      leadSource: (v.leadSource as string) ?? null,
      key: [v.name, company.norm ?? ''].join(SEP),
    };
  }

  private finishCompany(
    p: Parsed,
    companies: { byUscc: Map<string, CompanyRef>; byNorm: Map<string, CompanyRef> },
    nodes: string,
    fail: (field: string, message: string) => null,
  ): StagedRow | 'skip' | null {
    const v = p.values;
    const name = v.name as string;
    const norm = normalizeCompanyName(name);
    const uscc = (v.uscc as string) ?? null;
    const byUscc = uscc ? companies.byUscc.get(uscc) : undefined;
    if (byUscc?.deleted) return fail('uscc', `该信用代码属于已删除的企业「${byUscc.name}」，请管理员恢复后再导入`);
    if (byUscc) return 'skip';
    const byName = companies.byNorm.get(norm);
    if (byName)
      return uscc && byName.uscc && byName.uscc !== uscc
        ? fail('uscc', `已有同名企业「${byName.name}」，信用代码为 ${byName.uscc}`)
        : 'skip';
    const earlier = this.newCompanies.get(`n:${norm}`) ?? (uscc ? this.newCompanies.get(`u:${uscc}`) : undefined);
    if (earlier) {
      if (uscc && earlier.uscc && earlier.uscc !== uscc) return fail('uscc', '与文件中前面同名企业的信用代码不一致');
      return 'skip';
    }
    this.remember(norm, uscc);
    return {
      name,
      norm,
      uscc,
      ownership: (v.ownership as string) ?? null,
      province: (v.province as string) ?? null,
      city: (v.city as string) ?? null,
      nodes,
      tags: v.tags ? `{${(v.tags as string[]).join(',')}}` : '{}',
      website: (v.website as string) ?? null,
      isTarget: (v.isTarget as boolean) ?? false,
      isChainLeader: (v.isChainLeader as boolean) ?? false,
      notes: (v.notes as string) ?? null,
      key: norm,
    };
  }

  /** The company a row names: an existing one, one this import creates, or none. */
  private company(
    p: Parsed,
    companies: { byUscc: Map<string, CompanyRef>; byNorm: Map<string, CompanyRef> },
    fail: (field: string, message: string) => null,
  ): { id: string | null; norm: string | null; name: string | null; uscc: string | null } | null {
    const name = (p.values.companyName as string) ?? null;
    const uscc = (p.values.companyUscc as string) ?? null;
    if (!name && !uscc) return { id: null, norm: null, name: null, uscc: null };
    if (uscc) {
      const hit = companies.byUscc.get(uscc);
      if (hit?.deleted) return fail('companyUscc', `该信用代码属于已删除的企业「${hit.name}」`);
      if (hit) return { id: hit.id, norm: hit.norm, name: null, uscc: null };
      const planned = this.newCompanies.get(`u:${uscc}`);
      if (planned) return { id: null, norm: planned.norm, name: null, uscc: null };
      if (!name) return fail('companyUscc', `找不到信用代码为 ${uscc} 的企业，新企业请同时填写企业名称`);
    }
    const norm = normalizeCompanyName(name as string);
    const existing = companies.byNorm.get(norm);
    if (existing) {
      if (uscc && existing.uscc && existing.uscc !== uscc) {
        return fail('companyUscc', `已有同名企业「${existing.name}」，信用代码为 ${existing.uscc}`);
      }
      return { id: existing.id, norm: existing.norm, name: null, uscc: null };
    }
    const planned = this.newCompanies.get(`n:${norm}`);
    if (planned) {
      if (uscc && planned.uscc && planned.uscc !== uscc)
        return fail('companyUscc', '与文件中前面同名企业的信用代码不一致');
      if (uscc && !planned.uscc) this.remember(norm, uscc);
      return { id: null, norm, name: name as string, uscc };
    }
    this.remember(norm, uscc);
    return { id: null, norm, name: name as string, uscc };
  }

  private remember(norm: string, uscc: string | null): void {
    const entry = this.newCompanies.get(`n:${norm}`) ?? { norm, uscc };
    if (uscc) {
      entry.uscc = uscc;
      this.newCompanies.set(`u:${uscc}`, entry);
    }
    this.newCompanies.set(`n:${norm}`, entry);
  }

  /** The owner named (or the importer): staff may name teammates only; projects only leaders may give away. */
  private owner(p: Parsed, fail: (field: string, message: string) => null): UserRef | null {
    const name = p.values.ownerUsername as string | undefined;
    const me: UserRef = {
      id: this.actor.id,
      username: '',
      displayName: this.actor.displayName,
      role: this.actor.role,
      teamId: this.actor.teamId,
    };
    if (!name) return me;
    const owner = this.users.get(name.toLowerCase());
    if (!owner) return fail('ownerUsername', `找不到账号 ${name}（或已停用）`);
    const rule = this.kind === 'projects' ? 'by_leader' : 'to_teammate';
    return mayHandOver(this.actor, owner, rule) ? owner : fail('ownerUsername', HAND_OVER_REFUSAL[rule]);
  }

  /** Chain segments as a PostgreSQL array literal, or null with an error. */
  private nodes(p: Parsed): string | null {
    const list = (p.values.chainNodes as string[] | undefined) ?? [];
    const ids: string[] = [];
    for (const name of list) {
      const key = normalizeHeader(name).replace(/／/g, '/');
      const byPath = key.includes('/') ? this.nodesByPath.get(key) : undefined;
      const candidates = byPath ? [byPath] : (this.nodesByName.get(key.split('/').pop() as string) ?? []);
      if (key.includes('/') && !byPath) {
        p.errors.push({ row: p.row, column: p.headerOf('chainNodes'), message: `找不到产业链环节“${name}”` });
        return null;
      }
      if (candidates.length === 0) {
        p.errors.push({ row: p.row, column: p.headerOf('chainNodes'), message: `找不到产业链环节“${name}”` });
        return null;
      }
      if (candidates.length > 1) {
        p.errors.push({
          row: p.row,
          column: p.headerOf('chainNodes'),
          message: `“${name}”在多条产业链中都有，请写成“产业链/环节”`,
        });
        return null;
      }
      if (!ids.includes(candidates[0])) ids.push(candidates[0]);
    }
    if (ids.length > 20) {
      p.errors.push({ row: p.row, column: p.headerOf('chainNodes'), message: '最多 20 个环节' });
      return null;
    }
    return `{${ids.join(',')}}`;
  }
}

// —— one cell ——

function asText(cell: RawCell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Reads one cell by its column's type: {value} or {error} in words a person understands. */
export function readCell(column: ImportColumn, cell: RawCell): { value: unknown } | { error: string } {
  const read = column.read;
  switch (read.type) {
    case 'text': {
      let text = asText(cell);
      // A leading apostrophe is how our CSV exports keep "=…" from running as a formula.
      if (/^'[=+\-@]/.test(text)) text = text.slice(1);
      return text.length > read.max ? { error: `不能超过 ${read.max} 个字` } : { value: text };
    }
    case 'wan':
    case 'int': {
      const n =
        typeof cell === 'number'
          ? cell
          : Number(
              asText(cell)
                .replace(/[,，\s]/g, '')
                .replace(/(万元|万)$/, ''),
            );
      const max = read.type === 'wan' ? MAX_WAN : read.max;
      if (!Number.isInteger(n) || n < 0)
        return { error: read.type === 'wan' ? '应为不小于 0 的整数（单位万元）' : '应为不小于 0 的整数' };
      return n > max ? { error: `不能超过 ${max}` } : { value: n };
    }
    case 'decimal': {
      const n = typeof cell === 'number' ? cell : Number(asText(cell).replace(/[,，\s]/g, ''));
      if (!Number.isFinite(n) || n < 0 || Math.round(n * 100) !== Number((n * 100).toFixed(6)))
        return { error: '应为不小于 0 的数，最多两位小数' };
      return n > read.max ? { error: `不能超过 ${read.max}` } : { value: n };
    }
    case 'date':
    case 'datetime': {
      const parsed = parseDate(cell, read.type === 'datetime');
      return parsed
        ? { value: parsed }
        : {
            error: read.type === 'datetime' ? '日期格式应为 2026-12-01 或 2026-12-01 09:30' : '日期格式应为 2026-03-15',
          };
    }
    case 'bool': {
      if (typeof cell === 'boolean') return { value: cell };
      const text = asText(cell).toLowerCase();
      if (TRUE.has(text)) return { value: true };
      if (FALSE.has(text)) return { value: false };
      return { error: '应为“是”或“否”' };
    }
    case 'enum': {
      const text = asText(cell);
      const code = Object.entries(read.values).find(
        ([key, label]) => key === text || label === text || normalizeHeader(label) === normalizeHeader(text),
      )?.[0];
      return code ? { value: code } : { error: `应为：${Object.values(read.values).join('、')}` };
    }
    case 'tags': {
      const labels: Record<string, string> = {
        global500: '世界500强',
        china500: '中国500强',
        listed: '上市',
        srdi: '专精特新',
        high_tech: '高新技术',
        above_scale: '规上',
      };
      const codes: string[] = [];
      for (const part of asText(cell)
        .split(SEPARATORS)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const code = Object.entries(labels).find(
          ([key, label]) => key === part || label === part || normalizeHeader(label) === normalizeHeader(part),
        )?.[0];
        if (!code) return { error: `不认识的标签“${part}”，可选：${Object.values(labels).join('、')}` };
        if (!codes.includes(code)) codes.push(code);
      }
      return { value: codes };
    }
    case 'mobile': {
      const mobile = asText(cell)
        .replace(/[\s-]/g, '')
        .replace(/^(\+?86)/, '');
      return CHINA_MOBILE.test(mobile) ? { value: mobile } : { error: '请填写 11 位中国大陆手机号' };
    }
    case 'uscc': {
      const uscc = normalizeUscc(asText(cell));
      const problem = usccProblem(uscc);
      return problem ? { error: USCC_MESSAGES[problem] } : { value: uscc };
    }
    case 'email': {
      const email = asText(cell);
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 128
        ? { value: email }
        : { error: '邮箱格式不正确' };
    }
    case 'username':
      return { value: asText(cell) };
    case 'nodes':
      return {
        value: asText(cell)
          .split(SEPARATORS)
          .map((s) => s.trim())
          .filter(Boolean),
      };
  }
}

/**
 * Dates as people type them — 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日, an Excel date cell
 * or serial number — optionally with a time (China time). Returns YYYY-MM-DD, or an ISO instant
 * with +08:00 for datetimes; null when unreadable or not a real day.
 */
export function parseDate(cell: RawCell, withTime: boolean): string | null {
  let y: number, m: number, d: number;
  let hh = 0;
  let mm = 0;
  if (cell instanceof Date) {
    [y, m, d] = [cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()];
    [hh, mm] = [cell.getUTCHours(), cell.getUTCMinutes()];
  } else if (typeof cell === 'number') {
    if (cell < 1 || cell > 2_958_465) return null;
    const date = new Date(Date.UTC(1899, 11, 30) + Math.round(cell * 86_400_000));
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    [hh, mm] = [date.getUTCHours(), date.getUTCMinutes()];
  } else {
    const match =
      /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：](\d{2})(?::\d{2})?)?$/.exec(
        String(cell).trim(),
      );
    if (!match) return null;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[4]) [hh, mm] = [Number(match[4]), Number(match[5])];
  }
  const check = new Date(Date.UTC(y, m - 1, d));
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== m - 1 ||
    check.getUTCDate() !== d ||
    y < 1900 ||
    y > 2200 ||
    hh > 23 ||
    mm > 59
  )
    return null;
  const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return withTime ? `${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00` : day;
}
