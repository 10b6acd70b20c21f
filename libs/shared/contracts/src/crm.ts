import type {
  ActivityKind,
  CapitalOrigin,
  ChainLayer,
  ChainLevel,
  CompanyTag,
  LeadSource,
  LeadStatus,
  OwnershipType,
  ProjectStage,
  ProjectStatus,
  SubjectType,
} from './enums';

export interface ChainSummaryDto {
  id: string;
  code: string;
  name: string;
  kind: 'chain' | 'sector';
  nodeCount: number;
  version: number;
}

export interface ChainNodeDto {
  id: string;
  chainId: string;
  parentId: string | null;
  name: string;
  layer: ChainLayer | null;
  sortOrder: number;
  localCount: number;
  targetCount: number;
  level: ChainLevel;
  chainLeaderNames: string[];
  children: ChainNodeDto[];
  version: number;
}

export interface ChainTreeDto extends ChainSummaryDto {
  nodes: ChainNodeDto[];
}

export interface CompanyDto {
  id: string;
  name: string;
  uscc: string | null;
  ownership: OwnershipType | null;
  province: string | null;
  city: string | null;
  chainNodeIds: string[];
  tags: CompanyTag[];
  website: string | null;
  notes: string | null;
  isTarget: boolean;
  isChainLeader: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Which teams are working a company, without their private details (撞单 prevention). */
export interface CompanyTouchDto {
  teamId: string | null;
  teamName: string;
  leadCount: number;
  projectCount: number;
  lastActedAt: string | null;
}

export interface ContactDto {
  id: string;
  companyId: string;
  name: string;
  title: string | null;
  /** Masked (138****1234) unless the caller owns the contact, is on its team, or is a leader. */
  mobile: string | null;
  mobileMasked: boolean;
  email: string | null;
  wechat: string | null;
  ownerId: string | null;
  teamId: string | null;
  version: number;
}

export interface LeadDto {
  id: string;
  name: string;
  companyId: string | null;
  companyName: string | null;
  source: LeadSource;
  sourceRefId: string | null;
  status: LeadStatus;
  invalidReason: string | null;
  ownerId: string;
  ownerName: string | null;
  teamId: string | null;
  estimatedWan: number | null;
  chainNodeIds: string[];
  nextFollowUpAt: string | null;
  contactName: string | null;
  contactMobile: string | null;
  notes: string | null;
  projectId: string | null;
  firstResponseAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ActivityDto {
  id: string;
  subjectType: SubjectType;
  subjectId: string;
  kind: ActivityKind;
  occurredAt: string;
  summary: string;
  nextStep: string | null;
  participants: string | null;
  actorId: string | null;
  actorName: string | null;
  meta: Record<string, unknown> | null;
  createdAt: string;
}

export interface ProjectDto {
  id: string;
  name: string;
  codeName: string | null;
  isConfidential: boolean;
  companyId: string | null;
  companyName: string | null;
  leadId: string | null;
  leadSource: LeadSource | null;
  sourceRefId: string | null;
  stage: ProjectStatus;
  heldStage: ProjectStage | null;
  ownerId: string;
  ownerName: string | null;
  teamId: string | null;
  responsibleLeaderId: string | null;
  responsibleLeaderName: string | null;
  isKey: boolean;
  capitalOrigin: CapitalOrigin | null;
  capitalSource: string | null;
  totalInvestmentWan: number | null;
  fixedAssetWan: number | null;
  contractedWan: number | null;
  paidInWan: number | null;
  projectedJobs: number | null;
  contractedJobs: number | null;
  actualJobs: number | null;
  landMu: number | null;
  factoryAreaM2: number | null;
  expectedOutputWan: number | null;
  expectedTaxWan: number | null;
  chainNodeIds: string[];
  signedAt: string | null;
  localUscc: string | null;
  startedAt: string | null;
  producingAt: string | null;
  lastProgressAt: string;
  stalled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ProjectStageChangeDto {
  id: string;
  projectId: string;
  fromStage: ProjectStatus | null;
  toStage: ProjectStatus;
  at: string;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  reason: string | null;
  evidence: Record<string, unknown> | null;
}

/**
 * A card on the board: what the card shows, and what a move started from it needs (the evidence
 * already given and the version). The board sends hundreds of them; the rest is on the project.
 */
export const BOARD_CARD_FIELDS = [
  'id',
  'name',
  'codeName',
  'isConfidential',
  'companyId',
  'companyName',
  'stage',
  'heldStage',
  'ownerId',
  'ownerName',
  'teamId',
  'isKey',
  'totalInvestmentWan',
  'contractedWan',
  'signedAt',
  'localUscc',
  'startedAt',
  'producingAt',
  'stalled',
  'lastProgressAt',
  'updatedAt',
  'version',
] as const satisfies ReadonlyArray<keyof ProjectDto>;
export type BoardCardDto = Pick<ProjectDto, (typeof BOARD_CARD_FIELDS)[number]>;

export interface BoardColumnDto {
  stage: ProjectStatus;
  count: number;
  totalInvestmentWan: number;
  contractedWan: number;
  items: BoardCardDto[];
}

export interface ProjectBoardDto {
  columns: BoardColumnDto[];
}
