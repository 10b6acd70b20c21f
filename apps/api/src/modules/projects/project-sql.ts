import { isoSql } from '../../common/persistence/select-sql';
import type { ProjectResponseDto } from './dto/project.dto';

/** Whether a project is stalled, in SQL: isStalled of @lianqiao/domain, for lists, filters and exports. */
export function stalledSql(stalledDays: number): string {
  return `(project.stage NOT IN ('in_production', 'lost') AND project.last_progress_at < now() - make_interval(days => ${Math.trunc(stalledDays)}))`;
}

/** A project's fields as SQL, for the JSON PostgreSQL makes for lists, the board and the detail: those of toDto, in its order. */
export function projectJsonFields(stalledDays: number): Record<keyof ProjectResponseDto, string> {
  return {
    id: 'project.id',
    name: 'project.name',
    codeName: 'project.code_name',
    isConfidential: 'project.is_confidential',
    companyId: 'project.company_id',
    companyName: 'company.name',
    leadId: 'project.lead_id',
    leadSource: 'project.lead_source',
    sourceRefId: 'project.source_ref_id',
    stage: 'project.stage',
    heldStage: 'project.held_stage',
    ownerId: 'project.owner_id',
    ownerName: 'owner.display_name',
    teamId: 'project.team_id',
    responsibleLeaderId: 'project.responsible_leader_id',
    responsibleLeaderName: 'leader.display_name',
    isKey: 'project.is_key',
    capitalOrigin: 'project.capital_origin',
    capitalSource: 'project.capital_source',
    totalInvestmentWan: 'project.total_investment_wan',
    fixedAssetWan: 'project.fixed_asset_wan',
    contractedWan: 'project.contracted_wan',
    paidInWan: 'project.paid_in_wan',
    projectedJobs: 'project.projected_jobs',
    contractedJobs: 'project.contracted_jobs',
    actualJobs: 'project.actual_jobs',
    landMu: 'project.land_mu',
    factoryAreaM2: 'project.factory_area_m2',
    expectedOutputWan: 'project.expected_output_wan',
    expectedTaxWan: 'project.expected_tax_wan',
    chainNodeIds: 'project.chain_node_ids',
    signedAt: 'project.signed_at',
    localUscc: 'project.local_uscc',
    startedAt: 'project.started_at',
    producingAt: 'project.producing_at',
    lastProgressAt: isoSql('project.last_progress_at'),
    stalled: stalledSql(stalledDays),
    createdAt: isoSql('project.created_at'),
    updatedAt: isoSql('project.updated_at'),
    version: 'project.version',
  };
}
