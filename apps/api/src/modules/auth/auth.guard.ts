import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@lianqiao/contracts';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC, ROLES_KEY } from '../../common/auth/decorators';
import { ApiError } from '../../common/errors/api-error';
import { AuthService } from './auth.service';

/** Global: every route needs a live session unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, '请先登录 (missing bearer token)');
    }
    request.user = await this.auth.authenticate(header.slice('Bearer '.length).trim());

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw ApiError.forbidden(`需要以下角色之一：${roles.join(', ')} (forbidden)`);
    }
    return true;
  }
}
