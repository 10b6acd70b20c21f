import { PROJECT_STAGES, PROJECT_STATUS_LABELS, type ImportKind } from '@lianqiao/contracts';
import type { QueryRunner } from 'typeorm';
import type { ImportActor } from './import-validator';

/** Serializes the write phase of imports across instances: two imports never dedupe against each other's half-written rows. */
const IMPORT_LOCK = `SELECT pg_advisory_xact_lock(hashtext('lianqiao:imports'))`;

/**
 * The write transaction is exempt from DATABASE_STATEMENT_TIMEOUT_MS, deliberately: waiting for the
 * lock behind another import is not a slow statement, and a supported 200,000-row file's first
 * statements (new companies, the keys already present) read every staged row. Progress and
 * SIGTERM are checked between batches instead; a dead instance's transaction dies with its session.
 */
const NO_STATEMENT_TIMEOUT = `SET LOCAL statement_timeout = 0`;
/**
 * Without a timeout, a long statement of an instance that was killed would run on to its end
 * holding the import's locks, and the next start could settle the import only then: PostgreSQL
 * (14+) checks every second that the client is still there and ends the statement when it is not.
 */
const CHECK_CLIENT_GONE = `SET LOCAL client_connection_check_interval = 1000`;

/** How each kind's natural key is built from a live record (the validator builds the same from a row). */
const EXISTING_KEYS: Record<ImportKind, string> = {
  leads: `SELECT l.name || chr(1) || coalesce(c.normalized_name, '') || chr(1) || l.source::text || chr(1) || l.owner_id::text
            FROM leads l LEFT JOIN companies c ON c.id = l.company_id
           WHERE l.deleted_at IS NULL AND l.owner_id IN (SELECT DISTINCT (r.data->>'ownerId')::uuid FROM import_rows r WHERE r.import_id = $1)`,
  companies: `SELECT c.normalized_name FROM companies c
               WHERE c.deleted_at IS NULL AND c.normalized_name IN (SELECT r.data->>'norm' FROM import_rows r WHERE r.import_id = $1)`,
  contacts: `SELECT c.normalized_name || chr(1) || ct.name || chr(1) || coalesce(ct.mobile, '')
               FROM contacts ct JOIN companies c ON c.id = ct.company_id
              WHERE ct.deleted_at IS NULL AND c.normalized_name IN (SELECT r.data->>'companyNorm' FROM import_rows r WHERE r.import_id = $1)`,
  projects: `SELECT p.name || chr(1) || coalesce(c.normalized_name, '')
               FROM projects p LEFT JOIN companies c ON c.id = p.company_id
              WHERE p.deleted_at IS NULL AND p.name IN (SELECT r.data->>'name' FROM import_rows r WHERE r.import_id = $1)`,
};

/** The next batch of staged rows, those whose key is new (first row of a key wins), with their company resolved. */
const FRESH = `
  src AS (
    SELECT r.row_no, r.data AS d FROM import_rows r
     WHERE r.import_id = $1 AND r.row_no > $2 ORDER BY r.row_no LIMIT $3
  ),
  fresh AS (
    SELECT DISTINCT ON (s.d->>'key') s.row_no, s.d FROM src s
     WHERE NOT EXISTS (SELECT 1 FROM import_keys k WHERE k.key = s.d->>'key')
     ORDER BY s.d->>'key', s.row_no
  ),
  resolved AS (
    SELECT f.row_no, f.d,
           coalesce((f.d->>'companyId')::uuid,
                    (SELECT c.id FROM companies c WHERE c.normalized_name = f.d->>'companyNorm' AND c.deleted_at IS NULL
                      ORDER BY c.created_at, c.id LIMIT 1)) AS company_id
      FROM fresh f
  ),
  keys AS (INSERT INTO import_keys (key) SELECT d->>'key' FROM fresh ON CONFLICT DO NOTHING)`;

const AUDIT = (entity: string, after: string) => `
  audit AS (
    INSERT INTO audit_entries (entity, entity_id, action, actor_id, actor_name, after)
    SELECT '${entity}', ins.id, 'import', $4, $5, ${after} FROM ins RETURNING 1
  )
  SELECT (SELECT count(*)::int FROM audit) AS created, (SELECT count(*)::int FROM src) AS rows, (SELECT max(row_no) FROM src) AS last`;

const china = (column: string) => `(${column}::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const STAGE_LABEL = `CASE ins.stage::text ${PROJECT_STAGES.map((s) => `WHEN '${s}' THEN '${PROJECT_STATUS_LABELS[s]}'`).join(' ')} END`;

const BATCH_SQL: Record<ImportKind, string> = {
  leads: `WITH ${FRESH},
  ins AS (
    INSERT INTO leads (name, company_id, source, status, invalid_reason, owner_id, team_id, estimated_wan, chain_node_ids,
                       next_follow_up_at, contact_name, contact_mobile, notes)
    SELECT d->>'name', company_id, (d->>'source')::lead_source, (d->>'status')::lead_status, d->>'invalidReason',
           (d->>'ownerId')::uuid, (d->>'teamId')::uuid, (d->>'estimatedWan')::bigint, (d->>'nodes')::uuid[],
           (d->>'nextFollowUpAt')::timestamptz, d->>'contactName', d->>'contactMobile', d->>'notes'
      FROM resolved ORDER BY row_no
    RETURNING *
  ),
  ${AUDIT(
    'lead',
    `jsonb_build_object('id', ins.id, 'name', ins.name, 'companyId', ins.company_id, 'source', ins.source, 'status', ins.status,
       'invalidReason', ins.invalid_reason, 'ownerId', ins.owner_id, 'teamId', ins.team_id, 'estimatedWan', ins.estimated_wan,
       'chainNodeIds', ins.chain_node_ids, 'nextFollowUpAt', ins.next_follow_up_at, 'contactName', ins.contact_name,
       'contactMobile', ins.contact_mobile, 'notes', ins.notes, 'importId', $1::uuid)`,
  )}`,

  companies: `WITH ${FRESH},
  ins AS (
    INSERT INTO companies (name, normalized_name, uscc, ownership, province, city, chain_node_ids, tags, website, is_target,
                           is_chain_leader, notes)
    SELECT d->>'name', d->>'norm', d->>'uscc', (d->>'ownership')::ownership_type, d->>'province', d->>'city', (d->>'nodes')::uuid[],
           (d->>'tags')::text[], d->>'website', (d->>'isTarget')::boolean, (d->>'isChainLeader')::boolean, d->>'notes'
      FROM resolved
     WHERE d->>'uscc' IS NULL OR NOT EXISTS (SELECT 1 FROM companies c WHERE c.uscc = d->>'uscc')
     ORDER BY row_no
    RETURNING *
  ),
  ${AUDIT(
    'company',
    `jsonb_build_object('id', ins.id, 'name', ins.name, 'normalizedName', ins.normalized_name, 'uscc', ins.uscc, 'ownership', ins.ownership,
       'province', ins.province, 'city', ins.city, 'chainNodeIds', ins.chain_node_ids, 'tags', ins.tags, 'website', ins.website,
       'isTarget', ins.is_target, 'isChainLeader', ins.is_chain_leader, 'notes', ins.notes, 'importId', $1::uuid)`,
  )}`,

  contacts: `WITH ${FRESH},
  ins AS (
    INSERT INTO contacts (company_id, name, title, mobile, email, wechat, owner_id, team_id)
    SELECT company_id, d->>'name', d->>'title', d->>'mobile', d->>'email', d->>'wechat', (d->>'ownerId')::uuid, (d->>'teamId')::uuid
      FROM resolved WHERE company_id IS NOT NULL ORDER BY row_no
    RETURNING *
  ),
  ${AUDIT(
    'contact',
    `jsonb_build_object('id', ins.id, 'companyId', ins.company_id, 'name', ins.name, 'title', ins.title, 'mobile', ins.mobile,
       'email', ins.email, 'wechat', ins.wechat, 'ownerId', ins.owner_id, 'teamId', ins.team_id, 'importId', $1::uuid)`,
  )}`,

  projects: `WITH ${FRESH},
  ins AS (
    INSERT INTO projects (name, company_id, lead_source, stage, owner_id, team_id, responsible_leader_id, is_key, capital_origin,
                          capital_source, total_investment_wan, fixed_asset_wan, contracted_wan, paid_in_wan, projected_jobs,
                          contracted_jobs, actual_jobs, land_mu, factory_area_m2, expected_output_wan, expected_tax_wan,
                          chain_node_ids, signed_at, local_uscc, started_at, producing_at, last_progress_at)
    SELECT d->>'name', company_id, (d->>'leadSource')::lead_source, (d->>'stage')::project_stage, (d->>'ownerId')::uuid,
           (d->>'teamId')::uuid, (d->>'responsibleLeaderId')::uuid, (d->>'isKey')::boolean, (d->>'capitalOrigin')::capital_origin,
           d->>'capitalSource', (d->>'totalInvestmentWan')::bigint, (d->>'fixedAssetWan')::bigint, (d->>'contractedWan')::bigint,
           (d->>'paidInWan')::bigint, (d->>'projectedJobs')::int, (d->>'contractedJobs')::int, (d->>'actualJobs')::int,
           (d->>'landMu')::numeric, (d->>'factoryAreaM2')::int, (d->>'expectedOutputWan')::bigint, (d->>'expectedTaxWan')::bigint,
           (d->>'nodes')::uuid[], (d->>'signedAt')::date, d->>'localUscc', (d->>'startedAt')::date, (d->>'producingAt')::date, now()
      FROM resolved ORDER BY row_no
    RETURNING *
  ),
  history AS (
    -- One row per stage reached, dated by its evidence (registered has none: the signing date), so the
    -- dashboard counts an imported project in the year it really signed, started or went into production.
    INSERT INTO project_stage_changes (project_id, from_stage, to_stage, at, actor_id, actor_name, note)
    SELECT ins.id, h.from_stage, h.to_stage, h.at, $4, $5, '批量导入'
      FROM ins CROSS JOIN LATERAL (VALUES
        (0, NULL::project_stage, 'negotiating'::project_stage,
            least(now(), ${china('ins.signed_at')}, ${china('ins.started_at')}, ${china('ins.producing_at')})),
        (1, 'negotiating', 'signed', ${china('ins.signed_at')}),
        (2, 'signed', 'registered', ${china('ins.signed_at')}),
        (3, 'registered', 'under_construction', ${china('ins.started_at')}),
        (4, 'under_construction', 'in_production', ${china('ins.producing_at')})
      ) AS h(ord, from_stage, to_stage, at)
     WHERE h.ord < array_position(ARRAY[${PROJECT_STAGES.map((s) => `'${s}'`).join(', ')}], ins.stage::text)
    RETURNING 1
  ),
  timeline AS (
    INSERT INTO activities (subject_type, subject_id, kind, occurred_at, summary, actor_id, actor_name, team_id, meta)
    SELECT 'project', ins.id, 'note', now(), '批量导入项目，当前阶段「' || ${STAGE_LABEL} || '」', $4, $5, ins.team_id,
           jsonb_build_object('importId', $1::uuid)
      FROM ins
    RETURNING 1
  ),
  ${AUDIT(
    'project',
    `jsonb_build_object('id', ins.id, 'name', ins.name, 'companyId', ins.company_id, 'stage', ins.stage, 'ownerId', ins.owner_id,
       'teamId', ins.team_id, 'responsibleLeaderId', ins.responsible_leader_id, 'isKey', ins.is_key, 'capitalOrigin', ins.capital_origin,
       'totalInvestmentWan', ins.total_investment_wan, 'contractedWan', ins.contracted_wan, 'paidInWan', ins.paid_in_wan,
       'chainNodeIds', ins.chain_node_ids, 'signedAt', ins.signed_at, 'localUscc', ins.local_uscc, 'startedAt', ins.started_at,
       'producingAt', ins.producing_at, 'importId', $1::uuid)`,
  )}`,
};

/** Companies named by rows and found nowhere: made once each (the first row's spelling), audited. */
const NEW_COMPANIES = `
  WITH named AS (
    SELECT r.data->>'companyNorm' AS norm, r.data->>'companyName' AS name, r.row_no,
           max(r.data->>'companyUscc') OVER (PARTITION BY r.data->>'companyNorm') AS uscc
      FROM import_rows r
     WHERE r.import_id = $1 AND r.data->>'companyId' IS NULL AND r.data->>'companyNorm' IS NOT NULL AND r.data->>'companyName' IS NOT NULL
  ),
  wanted AS (
    SELECT DISTINCT ON (norm) norm, name, uscc FROM named ORDER BY norm, row_no
  ),
  ins AS (
    INSERT INTO companies (name, normalized_name, uscc)
    SELECT n.name, n.norm, n.uscc FROM wanted n
     WHERE NOT EXISTS (SELECT 1 FROM companies c WHERE c.normalized_name = n.norm AND c.deleted_at IS NULL)
       AND (n.uscc IS NULL OR NOT EXISTS (SELECT 1 FROM companies c WHERE c.uscc = n.uscc))
    RETURNING id, name, normalized_name, uscc
  ),
  audit AS (
    INSERT INTO audit_entries (entity, entity_id, action, actor_id, actor_name, after)
    SELECT 'company', ins.id, 'import', $2, $3,
           jsonb_build_object('id', ins.id, 'name', ins.name, 'normalizedName', ins.normalized_name, 'uscc', ins.uscc, 'importId', $1::uuid)
      FROM ins RETURNING 1
  )
  SELECT count(*)::int AS created FROM audit`;

/**
 * The write phase, inside the one transaction of the caller's query runner: new companies first,
 * then the rows in batches of multi-row INSERT … SELECT from the staged rows, each with its audit
 * entries. Rows whose natural key is already present — in the database or earlier in the file —
 * are skipped, which is what makes re-importing a file harmless.
 */
export class ImportWriter {
  constructor(
    private readonly runner: QueryRunner,
    private readonly kind: ImportKind,
    private readonly importId: string,
    private readonly actor: ImportActor,
  ) {}

  /** Takes the import lock, creates the companies rows name, loads the keys already present. Returns companies created. */
  async prepare(): Promise<number> {
    await this.runner.query(NO_STATEMENT_TIMEOUT);
    await this.runner.query(CHECK_CLIENT_GONE);
    await this.runner.query(IMPORT_LOCK);
    let created = 0;
    if (this.kind !== 'companies') {
      const [row] = await this.runner.query(NEW_COMPANIES, [this.importId, this.actor.id, this.actor.displayName]);
      created = row.created;
    }
    await this.runner.query(`CREATE TEMP TABLE import_keys (key text PRIMARY KEY) ON COMMIT DROP`);
    await this.runner.query(
      `INSERT INTO import_keys (key)
       SELECT e.key FROM (${EXISTING_KEYS[this.kind]}) AS e(key)
        WHERE e.key IN (SELECT r.data->>'key' FROM import_rows r WHERE r.import_id = $1)
       ON CONFLICT DO NOTHING`,
      [this.importId],
    );
    await this.runner.query(`ANALYZE import_keys`);
    return created;
  }

  /** Writes the next `size` staged rows after row `after`: how many were read, created, and the last row number. */
  async batch(after: number, size: number): Promise<{ rows: number; created: number; last: number | null }> {
    const [row] = await this.runner.query(BATCH_SQL[this.kind], [
      this.importId,
      after,
      size,
      this.actor.id,
      this.actor.displayName,
    ]);
    return { rows: row.rows, created: row.created, last: row.last };
  }
}
