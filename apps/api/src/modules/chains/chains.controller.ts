import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ChainsService } from './chains.service';
import { CreateChainDto, CreateChainNodeDto, UpdateChainDto, UpdateChainNodeDto } from './dto/chain.dto';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';

@ApiTags('chains')
@ApiBearerAuth()
@Controller()
export class ChainsController {
  constructor(private readonly chains: ChainsService) {}

  @Get('chains')
  async list() {
    const items = await this.chains.list();
    return { items, nextCursor: null, total: items.length };
  }

  /** The tree with localCount, targetCount and level (gap / weak / strong) per node. */
  @Get('chains/:code')
  tree(@Param('code') code: string) {
    return this.chains.tree(code);
  }

  @Post('chains')
  @Roles('admin')
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateChainDto) {
    return this.chains.createChain(actor, dto);
  }

  @Patch('chains/:code')
  @Roles('admin')
  update(@CurrentUser() actor: AuthUser, @Param('code') code: string, @Body() dto: UpdateChainDto) {
    return this.chains.updateChain(actor, code, dto);
  }

  @Post('chains/:code/nodes')
  @Roles('admin')
  addNode(@CurrentUser() actor: AuthUser, @Param('code') code: string, @Body() dto: CreateChainNodeDto) {
    return this.chains.addNode(actor, code, dto);
  }

  @Patch('chain-nodes/:id')
  @Roles('admin')
  updateNode(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateChainNodeDto) {
    return this.chains.updateNode(actor, id, dto);
  }

  @Delete('chain-nodes/:id')
  @Roles('admin')
  @HttpCode(204)
  async removeNode(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.chains.removeNode(actor, id);
  }
}
