import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExportFormat } from '@lianqiao/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { crmConfig, type CrmConfig } from '../../config/crm.config';
import { CompaniesService } from '../companies/companies.service';
import { CompanyListQueryDto } from '../companies/dto/company.dto';
import { LEAD_SORTABLE, LeadListQueryDto } from '../leads/dto/lead.dto';
import { LeadsService } from '../leads/leads.service';
import { PROJECT_SORTABLE, ProjectListQueryDto } from '../projects/dto/project.dto';
import { ProjectsService } from '../projects/projects.service';
import { DelegationExportQueryDto, RoadshowExportQueryDto } from './dto/export.dto';
import {
  companiesPlan,
  delegationsPlan,
  leadsPlan,
  projectsPlan,
  roadshowsPlan,
  type ExportLookups,
  type ExportPlan,
} from './list-exports';
import { CONTENT_TYPES, contentDisposition, createCsvWriter, createXlsxWriter, type TableWriter } from './table-writer';
import { endExportTransaction } from './export-transaction';

/** Rows fetched from the cursor per round trip. */
const BATCH = 2000;

/**
 * Every list exports exactly what its filters select, all of it: the list's own query (its
 * filters and team rule) runs behind a server-side cursor and goes out batch by batch, so a
 * million rows never sit in memory.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(crmConfig.KEY) private readonly config: CrmConfig,
    private readonly leads: LeadsService,
    private readonly projects: ProjectsService,
    private readonly companies: CompaniesService,
  ) {}

  leadsPlan(user: AuthUser, query: LeadListQueryDto): ExportPlan {
    return leadsPlan(this.leads.listQuery(user, query), query.sort, LEAD_SORTABLE);
  }

  projectsPlan(user: AuthUser, query: ProjectListQueryDto): ExportPlan {
    return projectsPlan(this.projects.listQuery(user, query), query.sort, PROJECT_SORTABLE, this.config.stalledDays);
  }

  companiesPlan(user: AuthUser, query: CompanyListQueryDto): ExportPlan {
    return companiesPlan(this.companies.listQuery(user, query), query.sort);
  }

  async roadshowsPlan(user: AuthUser, query: RoadshowExportQueryDto): Promise<ExportPlan> {
    return roadshowsPlan(user, query);
  }

  async delegationsPlan(user: AuthUser, query: DelegationExportQueryDto): Promise<ExportPlan> {
    return delegationsPlan(user, query);
  }

  /**
   * Opens the cursor first (a bad query fails before any byte is sent), then streams the file.
   * The reply is sent at once; rows follow as the client reads them.
   */
  async send(reply: FastifyReply, fileBase: string, format: ExportFormat, plan: ExportPlan): Promise<void> {
    const lookups = await this.lookups();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${plan.sql}`, plan.params);
    } catch (error) {
      await endExportTransaction(runner, this.logger);
      throw error;
    }
    const writer = format === 'xlsx' ? createXlsxWriter(plan.label, plan.columns) : createCsvWriter(plan.columns);
    const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
    void reply
      .header('content-type', CONTENT_TYPES[format])
      .header(
        'content-disposition',
        contentDisposition(`${fileBase}-${stamp}.${format}`, `${plan.label}-${stamp}.${format}`),
      )
      .header('cache-control', 'no-store')
      .send(writer.stream);
    void this.pump(runner, writer, plan, lookups);
  }

  private async pump(
    runner: QueryRunner,
    writer: TableWriter,
    plan: ExportPlan,
    lookups: ExportLookups,
  ): Promise<void> {
    try {
      for (;;) {
        const rows: Array<Record<string, unknown>> = await runner.query(`FETCH ${BATCH} FROM export_rows`);
        for (const row of rows) writer.writeRow(plan.row(row, lookups));
        if (rows.length < BATCH) break;
        await writer.drained();
      }
      await endExportTransaction(runner, this.logger);
      await writer.end();
    } catch (error) {
      this.logger.warn(`export of ${plan.label} stopped: ${(error as Error).message}`);
      writer.stream.destroy(error as Error);
    } finally {
      await endExportTransaction(runner, this.logger);
    }
  }

  /** Chain-segment labels ("汽车/动力电池") and team names for the rows. */
  async lookups(): Promise<ExportLookups> {
    const nodes: Array<{ id: string; chain: string; name: string }> = await this.dataSource.query(
      `SELECT n.id, c.name AS chain, n.name FROM chain_nodes n JOIN chains c ON c.id = n.chain_id`,
    );
    const teams: Array<{ id: string; name: string }> = await this.dataSource.query(`SELECT id, name FROM teams`);
    const nodeLabels = new Map(nodes.map((n) => [n.id, `${n.chain}/${n.name}`]));
    const teamNames = new Map(teams.map((t) => [t.id, t.name]));
    return {
      nodeLabel: (id) => nodeLabels.get(id) ?? id,
      teamName: (id) => (id ? (teamNames.get(id) ?? null) : null),
    };
  }
}
