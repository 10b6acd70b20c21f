/** 1 亿元 = 10,000 万元. Money is stored and sent as integer 万元. */
export const WAN_PER_YI = 10_000;

export function wanToYi(wan: number): number {
  return wan / WAN_PER_YI;
}

/** "1.25亿元" for totals; two decimals at most, trailing zeros dropped. */
export function formatYi(wan: number): string {
  return `${Number(wanToYi(wan).toFixed(2))}亿元`;
}

/** "12,500万元" for single amounts. */
export function formatWan(wan: number): string {
  return `${wan.toLocaleString('zh-CN')}万元`;
}
