import { Prisma } from '~/generated/prisma/client';

/**
 * Whether a write failed on a unique constraint (named, when `constraint` is given). The
 * PostgreSQL server's adapter reports it as Prisma's P2002; the PGlite adapter passes the
 * database's own error (SQLSTATE 23505) through. Both mean the same, so both are read here.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return (
      !constraint ||
      JSON.stringify(error.meta ?? {}).includes(constraint) ||
      error.message.includes(constraint)
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code === '23505') return !constraint || Boolean(cause.message?.includes(constraint));
  return false;
}
