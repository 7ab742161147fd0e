import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PrismaService } from '../database/prisma.service';
import { HttpError } from '../http/domain-error';
import { TokenService, type TokenSubject } from './token.service';

type Db = Prisma.TransactionClient | PrismaService;

const SUBJECT_TYPE = { staff: 'STAFF', customer: 'CUSTOMER' } as const;

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * Sign-in sessions kept server-side: every sign-in starts a family of refresh tokens; each refresh token works
 * once and is replaced by the next of its family. A spent token presented again means it was copied, so the
 * whole family is revoked (the thief and the owner both sign in again). Raising the account's token version
 * (deactivation, password change, account deletion, "log out everywhere") ends every session at once.
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new family: the access token and first refresh token of one sign-in. */
  async start(subject: TokenSubject, id: number, version: number): Promise<SessionTokens> {
    const jti = randomUUID();
    await this.prisma.refreshToken.create({
      data: { jti, familyId: randomUUID(), subjectType: SUBJECT_TYPE[subject], subjectId: id, expiresAt: this.refreshExpiry() },
      select: { jti: true },
    });
    return this.sign(subject, id, version, jti);
  }

  /** Spends a refresh token for a new pair of the same family; refuses a spent, revoked or outdated one. */
  async rotate(refreshToken: string): Promise<SessionTokens & { subject: TokenSubject }> {
    const token = await this.tokens.verifyRefreshToken(refreshToken);
    const version = await this.currentVersion(token.subject, token.id);
    if (version === null || version !== token.version) throw new HttpError('UNAUTHORIZED', '账号已停用或登录已失效，请重新登录');
    const now = new Date();
    const nextJti = randomUUID();
    // Claim and successor in one transaction: a concurrent second use waits on the claimed row and, once it sees the
    // token spent, revokes a family that already holds the successor.
    const familyId = await this.prisma.$transaction(async (tx) => {
      const claimed = await tx.refreshToken.updateMany({
        where: { jti: token.jti, subjectType: SUBJECT_TYPE[token.subject], subjectId: token.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) return null;
      const { familyId } = await tx.refreshToken.findUniqueOrThrow({ where: { jti: token.jti }, select: { familyId: true } });
      await tx.refreshToken.create({
        data: { jti: nextJti, familyId, subjectType: SUBJECT_TYPE[token.subject], subjectId: token.id, expiresAt: this.refreshExpiry() },
        select: { jti: true },
      });
      return familyId;
    });
    if (!familyId) {
      const spent = await this.prisma.refreshToken.findUnique({ where: { jti: token.jti }, select: { familyId: true, usedAt: true } });
      if (spent?.usedAt) {
        this.logger.warn({ subject: token.subject, id: token.id, familyId: spent.familyId }, 'Spent refresh token reused; revoking its family');
        await this.revokeFamily(spent.familyId);
      }
      throw new HttpError('UNAUTHORIZED', '登录已失效，请重新登录');
    }
    return { subject: token.subject, ...(await this.sign(token.subject, token.id, version, nextJti)) };
  }

  /** Logout: revokes the family of the given refresh token (expired or not); an unknown token has nothing to revoke. */
  async end(refreshToken: string): Promise<void> {
    const token = await this.tokens.verifyRefreshToken(refreshToken, { ignoreExpiration: true }).catch(() => null);
    if (!token) return;
    const row = await this.prisma.refreshToken.findUnique({ where: { jti: token.jti }, select: { familyId: true } });
    if (row) await this.revokeFamily(row.familyId);
  }

  /**
   * Ends every session of the account: all refresh families revoked and the token version raised, so access
   * tokens already handed out stop at the access guard too. Runs inside the caller's transaction when given one.
   */
  async endAll(subject: TokenSubject, id: number, db: Db = this.prisma): Promise<void> {
    await db.refreshToken.updateMany({ where: { subjectType: SUBJECT_TYPE[subject], subjectId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (subject === 'staff') {
      await db.staff.update({ where: { id }, data: { tokenVersion: { increment: 1 } }, select: { id: true } });
    } else {
      await db.customer.update({ where: { id }, data: { tokenVersion: { increment: 1 } }, select: { id: true } });
    }
  }

  /** The account's token version, or null when it may no longer sign in (deactivated, deleted). */
  private async currentVersion(subject: TokenSubject, id: number): Promise<number | null> {
    if (subject === 'staff') {
      const staff = await this.prisma.staff.findUnique({ where: { id }, select: { active: true, tokenVersion: true } });
      return staff?.active ? staff.tokenVersion : null;
    }
    const customer = await this.prisma.customer.findUnique({ where: { id }, select: { anonymisedAt: true, tokenVersion: true } });
    return customer && !customer.anonymisedAt ? customer.tokenVersion : null;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
  }

  private async sign(subject: TokenSubject, id: number, version: number, jti: string): Promise<SessionTokens> {
    const [accessToken, refreshToken] = await Promise.all([
      this.tokens.issueAccessToken(subject, id, version),
      this.tokens.issueRefreshToken(subject, id, version, jti),
    ]);
    return { accessToken, refreshToken };
  }
}
