import type { Role } from '@lianqiao/contracts';

/** Who is calling: put on the request by the auth guard, read by controllers. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  orgUnitId: string | null;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
  }
}

/** Leaders and admins see every team's records; staff only their own team's (the rule lives in @lianqiao/domain). */
export { seesAllTeams } from '@lianqiao/domain';
