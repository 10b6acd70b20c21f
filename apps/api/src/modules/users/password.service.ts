import { Inject, Injectable } from '@nestjs/common';
import { passwordProblem } from '@lianqiao/domain';
import * as argon2 from 'argon2';
import { authConfig, type AuthConfig } from '../../config/auth.config';
import { ApiError } from '../../common/errors/api-error';

/** argon2id hashing and the configurable password policy. */
@Injectable()
export class PasswordService {
  constructor(@Inject(authConfig.KEY) private readonly config: AuthConfig) {}

  /** Throws a 400 naming `field` when the password breaks the policy. */
  assertAcceptable(password: string, field = 'password'): void {
    const problem = passwordProblem(password, this.config.passwordPolicy);
    if (problem) throw ApiError.field(field, problem);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
