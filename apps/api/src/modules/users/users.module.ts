import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoginLockout } from './login-lockout';
import { PasswordService } from './password.service';
import { SessionCache } from './session-cache';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [UsersController],
  providers: [UsersService, PasswordService, SessionCache, LoginLockout],
  exports: [UsersService, PasswordService, SessionCache, LoginLockout],
})
export class UsersModule {}
