/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const CHINA_MOBILE = /^1[3-9]\d{9}$/;

/** 13812341234 → 138****1234, as shown to those who may not see personal information. */
export function maskMobile(mobile: string | null | undefined): string | null {
  if (!mobile) return mobile ?? null;
  if (mobile.length < 7) return '****';
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** Chain-map level from the count of local companies on a node: none = gap, 1–2 weak, 3+ strong. */
export function chainLevel(localCount: number): 'gap' | 'weak' | 'strong' {
  return localCount === 0 ? 'gap' : localCount < 3 ? 'weak' : 'strong';
}

/** Company names compared for likely duplicates: no spaces, brackets unified, common suffixes dropped. */
export function normalizeCompanyName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・.,，。]/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/(股份有限公司|有限责任公司|有限公司|集团|公司|co\.?ltd|ltd|inc)$/u, '');
}
