import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ChainsService } from './chains.service';
import {
  CreateChainDto,
  CreateChainNodeDto,
  UpdateChainDto,
  UpdateChainNodeDto,
  ChainNodeRecordResponseDto,
  ChainRecordResponseDto,
  ChainSummaryResponseDto,
  ChainTreeResponseDto,
} from './dto/chain.dto';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';
import { ApiPageResponse } from '../../common/pagination/api-page-response';

@ApiTags('chains')
@ApiBearerAuth()
@Controller()
export class ChainsController {
  constructor(private readonly chains: ChainsService) {}

  @Get('chains')
  @ApiOperation({ summary: 'Industry chains and sectors, with their node counts' })
  @ApiPageResponse(ChainSummaryResponseDto, 'every chain and sector, in one page')
  async list() {
    const items = await this.chains.list();
    return { items, nextCursor: null, total: items.length };
  }

  /** The tree with localCount, targetCount and level (gap / weak / strong) per node. */
  @Get('chains/:code')
  @ApiOperation({ summary: 'A chain’s tree with localCount, targetCount and level (gap / weak / strong) per node' })
  @ApiOkResponse({ type: ChainTreeResponseDto })
  tree(@Param('code') code: string) {
    return this.chains.tree(code);
  }

  @Post('chains')
  @ApiOperation({ summary: 'A new chain or sector (admin)' })
  @ApiCreatedResponse({ type: ChainRecordResponseDto })
  @Roles('admin')
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateChainDto) {
    return this.chains.createChain(actor, dto);
  }

  @Patch('chains/:code')
  @ApiOperation({ summary: 'Change a chain’s name, kind or order (admin)' })
  @ApiOkResponse({ type: ChainRecordResponseDto })
  @Roles('admin')
  update(@CurrentUser() actor: AuthUser, @Param('code') code: string, @Body() dto: UpdateChainDto) {
    return this.chains.updateChain(actor, code, dto);
  }

  @Post('chains/:code/nodes')
  @ApiOperation({ summary: 'Add a segment to a chain (admin)' })
  @ApiCreatedResponse({ type: ChainNodeRecordResponseDto })
  @Roles('admin')
  addNode(@CurrentUser() actor: AuthUser, @Param('code') code: string, @Body() dto: CreateChainNodeDto) {
    return this.chains.addNode(actor, code, dto);
  }

  @Patch('chain-nodes/:id')
  @ApiOperation({ summary: 'Change a segment (admin)' })
  @ApiOkResponse({ type: ChainNodeRecordResponseDto })
  @Roles('admin')
  updateNode(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateChainNodeDto) {
    return this.chains.updateNode(actor, id, dto);
  }

  @Delete('chain-nodes/:id')
  @ApiOperation({ summary: 'Remove a segment (admin)' })
  @Roles('admin')
  @HttpCode(204)
  async removeNode(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.chains.removeNode(actor, id);
  }
}
