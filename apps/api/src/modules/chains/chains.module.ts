import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChainNode } from './chain-node.entity';
import { Chain } from './chain.entity';
import { ChainsController } from './chains.controller';
import { ChainsService } from './chains.service';

@Module({
  imports: [TypeOrmModule.forFeature([Chain, ChainNode])],
  controllers: [ChainsController],
  providers: [ChainsService],
  exports: [ChainsService],
})
export class ChainsModule {}
